/* UTF-8 validation (RFC 3629: no overlongs, no surrogates, <= U+10FFFF). Private to lib/. */
#ifndef CHAMP_UTF8_H
#define CHAMP_UTF8_H

#include <stddef.h>

/* Length of the valid UTF-8 sequence starting at s (1..4), or 0 if invalid or truncated. */
size_t champ__utf8_sequence(const unsigned char *s, size_t avail);

/* 1 when s[0..len) is valid UTF-8. */
int champ__utf8_valid(const char *s, size_t len);

#endif
