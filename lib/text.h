/* Text helpers shared by the modules: quoting user text in messages, and
 * the "C" numeric locale for reading and writing numbers. Private to lib/. */
#ifndef CHAMP_TEXT_H
#define CHAMP_TEXT_H

#include "strtab.h"

#include <locale.h>
#include <stddef.h>

#define CHAMP_EXCERPT_MAX 40

/* A macro's value as a string literal, for messages: STRINGIFY(CHAMP_NUMBER_MAX). */
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

/* s[0..len) made safe to quote in a one-line message: at most
 * CHAMP_EXCERPT_MAX bytes, cut between characters and marked "...", control
 * bytes and invalid UTF-8 shown as '?'. buf holds CHAMP_EXCERPT_MAX + 4. */
void champ__excerpt(char *buf, const char *s, size_t len);

/* The names of `names` quoted for a message: "a", "b", "c" (each an
 * excerpt). buf holds CHAMP_NAMES_MAX bytes; names past it are left out,
 * marked ", ...". */
#define CHAMP_NAMES_MAX 512
void champ__quote_names(char *buf, size_t size, const champ_strtab *names);

/* A name and the index it stands for, to sort by name: champ__by_name()
 * is qsort's comparator for them (bytewise, strcmp). */
typedef struct champ_named {
    const char *name;
    uint32_t index;
} champ_named;
int champ__by_name(const void *a, const void *b);

/* rank[i]: string i's place among the strings of t sorted bytewise.
 * -1 when out of memory (rank unchanged). */
int champ__strtab_ranks(const champ_strtab *t, uint32_t *rank);

/* Switch this thread (only) to the "C" numeric locale, so that '.' is the
 * decimal point whatever the application chose with setlocale. Returns the
 * previous locale to hand to champ__c_numeric_end, or (locale_t)0 when out
 * of memory (nothing changed then). */
locale_t champ__c_numeric_begin(locale_t *c_locale);
void champ__c_numeric_end(locale_t previous, locale_t c_locale);

/* x in the shortest of C's %.15g, %.16g and %.17g forms that reads back
 * (strtod) as the same double -- the JSON and CSV writers' numbers. The
 * caller has the C numeric locale. buf holds CHAMP_SHORTEST_MAX bytes. */
#define CHAMP_SHORTEST_MAX 32
void champ__shortest(char *buf, double x);

/* The shortest decimal digits that read back as the finite x (|x|'s, at
 * most 17, no trailing zeros, NUL-terminated in digits[18]) and the
 * decimal exponent of the first: x = +-0.d1d2... x 10^(exp10 + 1).
 * Returns how many digits (shortest.cc, double-conversion). */
int champ__shortest_digits(double x, char *digits, int *exp10);

#endif
