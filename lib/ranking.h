/* The ranking handle: a self-contained snapshot of one champ_rank() call.
 * Everything is indexed by person; order[] maps output positions to
 * people. Private to lib/. */
#ifndef CHAMP_RANKING_H
#define CHAMP_RANKING_H

#include "metrics.h"
#include "warnings.h"

struct champ_ranking {
    size_t n;
    champ_strtab ids, teams, groups;  /* copies of the network's */
    champ_strtab audience;            /* the options' audience groups */
    uint32_t *team, *group;           /* per person; group CHAMP_NONE: unlisted */
    unsigned char *eligible;
    size_t *rank;                     /* 0: ineligible */
    double *score;                    /* NAN: ineligible */
    double *pct[CHAMP_CRITERION_COUNT];
    /* Per eligible person and criterion: 1 + the eligible people with a
     * larger value (the explanations' "#12 of 824"). */
    uint32_t *place[CHAMP_CRITERION_COUNT];
    double weight[CHAMP_CRITERION_COUNT]; /* share of each criterion in the score */
    uint32_t *order;                  /* output position -> person */
    size_t *position;                 /* person -> output position */
    /* The tie graph it was computed on (rows of champ_graph, kept): row v
     * lists T(v), tie_w[t] = w(v, tie_to[t]) (0 when only the other acted). */
    size_t *tie_start;
    uint32_t *tie_to;
    double *tie_w;
    size_t tie_count;                 /* directed pairs with w > 0 */
    unsigned char *tie_weak;          /* graph's weak: NULL when every tie counts */
    champ_metrics m;
    double summary[CHAMP_SUMMARY_ITEM_COUNT];
    champ_warnings warnings;
    /* What the explanations need besides the values. */
    champ_strtab champion_groups;     /* the options' */
    double min_activity;              /* the options' */
    size_t top;                       /* the options' top */
    int scenario;                     /* the options': -1 for none */
    double since, until;              /* the options' window: NAN for an open end */
    double first_time, last_time;     /* of the kept timed interactions; NAN: none */
    size_t audience_people;           /* listed people of the audience groups */
    /* Guards (flags.c): per person, a bit (1u << champ_flag) per flag; for
     * a shadow, whom they copy and how closely. */
    unsigned *flags;
    uint32_t *shadow_of;              /* CHAMP_NONE: not a shadow */
    double *shadow_share;
    /* Confidence (confidence.c): per person, NULL when not computed. */
    size_t resamples;
    uint32_t *rank_low, *rank_high, *tier; /* 0: ineligible */
    double *top_share;
    /* Team-level outputs (teams.c): row k of the team table holds the
     * team team_row[k] (CHAMP_TEAM_NO_TEAM, CHAMP_TEAM_POOL); row_of[v]
     * is person v's row, CHAMP_NONE when unlisted. */
    size_t min_group_size;
    uint32_t *team_row, *row_of;
    size_t team_rows;
    size_t pooled_teams, pool_people; /* in the pool's row */
};

#define CHAMP_TEAM_NO_TEAM (UINT32_MAX - 1) /* the row of listed people without a team */
#define CHAMP_TEAM_POOL (UINT32_MAX - 2)    /* the row of the small teams pooled */
#define CHAMP_TEAM_NO_TEAM_NAME "(no team)"   /* their names in English */
#define CHAMP_TEAM_POOL_NAME "(small teams)"

/* A person to sort: the ranking's comparators read these. */
typedef struct champ_sort_item {
    double key;
    uint32_t person;
    const char *id;
} champ_sort_item;

/* SPEC 4.8 on metric values (m's value columns, weights of the options):
 * for the `count` eligible people listed in `eligible`, the percentiles
 * pct[c][v] and (place not NULL) places place[c][v], the score[v], and in
 * order[0..count) the eligible people by score, then id (ids: the ids
 * table). Scratch: `items` of 2 count elements. Entries of people not
 * eligible are left alone. */
void champ__score_people(const champ_metrics *m, const double *weight, const uint32_t *eligible,
                         size_t count, const champ_strtab *ids, champ_sort_item *items,
                         double *const *pct, uint32_t *const *place, double *score,
                         uint32_t *order);

/* Whether a group (its index in `groups`; CHAMP_NONE: unlisted) is named
 * in `set` (the options' champion or audience groups). */
int champ__group_in(const champ_strtab *set, const champ_strtab *groups, uint32_t group);

/* The guards (flags.c): every person's flags, once r's ranks are known. */
champ_status champ__flags_compute(champ_ranking *r, const champ_graph *g,
                                  const champ_network *net, const champ_options *o);

/* Confidence (confidence.c): o->confidence resamples of g's kept
 * interactions ranked, their intervals, shares and tiers kept in r, and
 * the warning when the top is unstable. */
champ_status champ__confidence(champ_ranking *r, const champ_graph *g, const champ_network *net,
                               const champ_options *o);

/* The draws of resample b (confidence.c): times[j] = how often the kept
 * interaction j (the network's interactions inside the window, in their
 * order; `kept` of them) is drawn in resample b under `seed`. For the
 * tests: a resample ranks as the network with each kept interaction
 * repeated times[j] times. */
void champ__confidence_draw(uint64_t seed, size_t b, size_t kept, uint32_t *times);

/* Bridging in a resample of a ranking that sampled it from k sources: the
 * resample's number of sources and, for resample b under `seed`, the seed
 * of their draw. For the tests, as champ__confidence_draw(). */
size_t champ__confidence_sources(size_t k);
uint64_t champ__confidence_sources_seed(uint64_t seed, size_t b);

/* The team table's rows (teams.c), with o's minimum group size. */
champ_status champ__teams_compute(champ_ranking *r, const champ_options *o);

/* x for people in `language` (explain.c): whole numbers with digit groups
 * ("2,345"; Dutch "2.345"), others with one decimal ("12.5"; "12,5"). The
 * caller has the C numeric locale. buf holds CHAMP_NUMBER_TEXT_MAX bytes. */
#define CHAMP_NUMBER_TEXT_MAX 48
const char *champ__number_text(char *buf, double x, champ_language language);

/* The explanation of person v in `language` (explain.c), for the writers:
 * written into *buf (of *cap bytes, NUL-terminated; grown with realloc as
 * needed: start with NULL and 0, free it after the last), its length in
 * *len. The caller has the C numeric locale. CHAMP_ERR_NOMEM. */
champ_status champ__explain_into(const champ_ranking *r, uint32_t v, champ_language language,
                                 char **buf, size_t *cap, size_t *len);
/* The same into buf of cap bytes (cap > 0), which is never grown, so that
 * threads can call it: -1 when the text does not fit (buf then holds the
 * part that did). */
int champ__explain_fixed(const champ_ranking *r, uint32_t v, champ_language language, char *buf,
                         size_t cap, size_t *len);

/* How the JSON and CSV writers split the people over threads (writer.c):
 * from parallel_min people on, blocks of `block` people, each part's
 * buffer part_cap bytes and its explanation text_cap. The bytes never
 * depend on it; the tests vary it. */
typedef struct champ_write_tuning {
    size_t parallel_min, block, part_cap, text_cap;
} champ_write_tuning;
extern const champ_write_tuning champ__write_tuning; /* the library's */
champ_status champ__ranking_write_tuned(const champ_ranking *r, champ_format format, size_t top,
                                        champ_write_fn fn, void *user,
                                        const champ_write_tuning *tuning);

/* The JSON object of a summary and its warnings, as the ranking's JSON
 * output holds it ("dropped_zero" only when not NAN); writer.c. */
struct champ_out;
void champ__out_summary(struct champ_out *o, const double *summary, const champ_warnings *w);

/* The checks champ_rank() makes of its options (all weights 0, since >=
 * until): CHAMP_ERR_ARGUMENT with a message. */
champ_status champ__check_rank_options(const champ_options *o);

/* champ_rank() of net with o (not NULL) and the window [since, until)
 * instead of o's, without o's progress callback. */
champ_status champ__rank_window(const champ_network *net, const champ_options *o, double since,
                                double until, champ_ranking **out);

#endif
