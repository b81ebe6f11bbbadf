/* The files of a platform export: a folder, a zip archive (libzip), or
 * named buffers (tests, fuzzing), behind one interface, as libarchive keeps
 * one reader per format. Entries are named by their path inside the export
 * ("users.json", "general/2026-03-01.json"), sorted bytewise; an archive
 * whose entries all sit in one top folder is read from inside it. Private
 * to lib/. */
#ifndef CHAMP_SOURCE_H
#define CHAMP_SOURCE_H

#include "champions.h"
#include "file.h"

#include <stddef.h>

typedef struct champ_source champ_source;

/* A folder and its subfolders, one level down (Slack: a folder per
 * channel). Names starting with '.' are left out. */
champ_status champ__source_open_dir(const char *path, champ_source **out);

/* A zip archive held in data[0..len), which must outlive the source.
 * `name` (NULL: none) starts the messages about the archive itself. */
champ_status champ__source_open_zip(const void *data, size_t len, const char *name,
                                    champ_source **out);

/* n named buffers, which must outlive the source. */
champ_status champ__source_open_buffers(size_t n, const char *const *names,
                                        const void *const *data, const size_t *lens,
                                        champ_source **out);

size_t champ__source_count(const champ_source *s);
const char *champ__source_name(const champ_source *s, size_t i);

/* The index of the entry `name`, or SIZE_MAX. */
size_t champ__source_find(const champ_source *s, const char *name);

/* The first entry whose name is not before `prefix` (bytewise): where the
 * entries starting with it are, if any. */
size_t champ__source_first(const champ_source *s, const char *prefix);

/* The bytes of entry i (release with champ__file_unload). Messages start
 * with the entry's name. */
champ_status champ__source_read(champ_source *s, size_t i, champ_file *f);

void champ__source_close(champ_source *s);

#endif
