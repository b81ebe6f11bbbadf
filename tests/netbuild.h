/* Building small networks in tests through the public API. */
#ifndef CHAMP_NETBUILD_H
#define CHAMP_NETBUILD_H

#include <champions.h>
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct test_person {
    const char *id, *team, *group;
} test_person;

typedef struct test_interaction {
    const char *from, *to;
    double time; /* 0 here means "no time" unless has_time */
    const char *type;
    double weight;
    int has_time;
} test_interaction;

static inline champ_network *build_network(const test_person *people, size_t np,
                                           const test_interaction *ix, size_t ni)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    for (size_t i = 0; i < np; i++)
        ck_assert_int_eq(champ_network_add_person(net, people[i].id, people[i].team,
                                                  people[i].group), CHAMP_OK);
    for (size_t i = 0; i < ni; i++)
        ck_assert_int_eq(champ_network_add_interaction(net, ix[i].from, ix[i].to,
                                                       ix[i].has_time ? ix[i].time : NAN,
                                                       ix[i].type,
                                                       ix[i].weight > 0 ? ix[i].weight : 1),
                         CHAMP_OK);
    return net;
}

static inline champ_ranking *rank_or_fail(const champ_network *net, const champ_options *o)
{
    champ_ranking *r = NULL;
    champ_status st = champ_rank(net, o, &r);
    ck_assert_msg(st == CHAMP_OK, "champ_rank: %s", champ_last_error());
    return r;
}

/* Output position of `id`; fails the test when absent. */
static inline size_t position_of(const champ_ranking *r, const char *id)
{
    size_t i = 0;
    ck_assert_msg(champ_ranking_find(r, id, &i) == CHAMP_OK, "no person %s", id);
    ck_assert_str_eq(champ_ranking_id(r, i), id);
    return i;
}

static inline double value_of(const champ_ranking *r, const char *id, champ_criterion c)
{
    return champ_ranking_value(r, position_of(r, id), c);
}

static inline double diag_of(const champ_ranking *r, const char *id, champ_diagnostic d)
{
    return champ_ranking_diagnostic(r, position_of(r, id), d);
}

/* Render through champ_ranking_write into memory. */
static inline char *render(const champ_ranking *r, champ_format format, size_t top)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(champ_ranking_write(r, format, top, f), CHAMP_OK);
    fclose(f);
    return buf;
}

/*
 * The worked example shared by the metrics and ranking suites.
 * Teams: a, b in T1; c in T2; d unknown; x unlisted.
 *   a->b 1, b->a 2, a->c 1 (type "reply"), c->d 1, x->a 1, a->a (self, dropped)
 * T(a)={b,c,x} M(a)={b}; T(b)={a} M(b)={a}; T(c)={a,d}; T(d)={c}; T(x)={a}
 * sum|T| = 8, sum|M| = 2, so R = 0.25 and the prior adds alpha*R = 0.5.
 */
static inline champ_network *worked_example(void)
{
    static const test_person people[] = {
        {"a", "T1", NULL}, {"b", "T1", "staff"}, {"c", "T2", ""}, {"d", NULL, NULL}};
    static const test_interaction ix[] = {
        {"a", "b", 0, NULL, 1, 0}, {"b", "a", 0, NULL, 2, 0}, {"a", "c", 0, "reply", 1, 0},
        {"c", "d", 0, NULL, 1, 0}, {"x", "a", 0, NULL, 1, 0}, {"a", "a", 0, NULL, 1, 0}};
    return build_network(people, sizeof people / sizeof *people, ix, sizeof ix / sizeof *ix);
}

#define ck_assert_near(x, y) ck_assert_double_eq_tol((x), (y), 1e-12)
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
