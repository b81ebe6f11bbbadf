/* The bytes of an input: a regular file mapped, anything else (a pipe, a
 * terminal, /proc) read into memory. Shared by every reader and importer.
 * Private to lib/. */
#ifndef CHAMP_FILE_H
#define CHAMP_FILE_H

#include "champions.h"

#include <stddef.h>

typedef struct champ_file {
    const unsigned char *data;
    size_t len;
    void *map;           /* mapped region of len bytes, or NULL */
    unsigned char *heap; /* or bytes read into memory, or NULL */
} champ_file;

/* Open and load `path`. CHAMP_ERR_IO with "PATH: cannot open: REASON" (or
 * "cannot read"), CHAMP_ERR_NOMEM. On error *f holds nothing. */
champ_status champ__file_load(const char *path, champ_file *f);

/* Load what an open descriptor holds from its current position to its end
 * (the descriptor stays open). `name` starts the messages. */
champ_status champ__file_load_fd(int fd, const char *name, champ_file *f);

void champ__file_unload(champ_file *f);

/* CHAMP_ERR_IO with "NAME: WHAT: the system's reason for errno `err`". */
champ_status champ__io_error(const char *what, const char *name, int err);

#endif
