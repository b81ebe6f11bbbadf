/* A small, well-mixed generator of our own, with no global state: each
 * user seeds its own stream, so results depend on the seed only, never on
 * threads or on the order of other calls (splitmix64). Private to lib/. */
#ifndef CHAMP_RANDOM_H
#define CHAMP_RANDOM_H

#include <stdint.h>

static inline uint64_t champ__random_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, bound), bound > 0, without modulo bias. */
static inline uint64_t champ__random_below(uint64_t *state, uint64_t bound)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t r;
    do
        r = champ__random_next(state);
    while (r >= limit);
    return r % bound;
}

#endif
