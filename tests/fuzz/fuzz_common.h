/*
 * Shared by the libFuzzer harnesses of tests/fuzz: the contract checks that
 * hold for every input, and the whole pipeline (rank, write) for the small
 * networks a reader accepted. A broken contract is a crash (__builtin_trap),
 * so libFuzzer keeps the input as an artifact.
 */
#ifndef CHAMP_FUZZ_COMMON_H
#define CHAMP_FUZZ_COMMON_H

#include <champions.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)          \
    do {                          \
        if (!(cond)) {            \
            fprintf(stderr, "fuzz: contract broken: %s (%s:%d)\n", #cond, __FILE__, \
                    __LINE__);    \
            __builtin_trap();     \
        }                         \
    } while (0)

/* Ranking is O(people x ties) for bridging: only small networks go through
 * it, so that the fuzzer stays fast and still reaches the metrics. */
#define FUZZ_RANK_MAX_PEOPLE 256
#define FUZZ_RANK_MAX_INTERACTIONS 4096

/* A reader's outcome: OK with a network, or PARSE/SCHEMA with a message and
 * no network (NOMEM only if an allocation failed, which ASan reports first). */
static inline void fuzz_check_read(champ_status st, const champ_network *net)
{
    if (st == CHAMP_OK) {
        FUZZ_CHECK(net != NULL);
        return;
    }
    FUZZ_CHECK(st == CHAMP_ERR_PARSE || st == CHAMP_ERR_SCHEMA || st == CHAMP_ERR_NOMEM);
    FUZZ_CHECK(net == NULL);
    FUZZ_CHECK(champ_last_error()[0] != '\0');
}

/* Write the ranking in both formats to memory streams. */
static inline void fuzz_write(const champ_ranking *r, champ_format format, size_t top)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return;
    champ_status st = champ_ranking_write(r, format, top, f);
    FUZZ_CHECK(st == CHAMP_OK);
    FUZZ_CHECK(fclose(f) == 0);
    FUZZ_CHECK(len > 0 && buf[len - 1] == '\n');
    free(buf);
}

/* Track a network by quarter (top 3): OK with sound KPIs, or nothing to
 * track (no times; SCHEMA), too long a span (ARGUMENT) or weights past the
 * largest double (SCHEMA); written as JSON. */
static inline void fuzz_track(const champ_network *net)
{
    champ_options *o = NULL;
    champ_tracking *t = NULL;
    if (champ_options_new(&o) != CHAMP_OK)
        return;
    champ_options_set_period(o, CHAMP_PERIOD_QUARTER);
    champ_options_set_top(o, 3);
    champ_status st = champ_track(net, o, &t);
    champ_options_free(o);
    FUZZ_CHECK(st == CHAMP_OK || st == CHAMP_ERR_SCHEMA || st == CHAMP_ERR_ARGUMENT ||
               st == CHAMP_ERR_NOMEM);
    if (st != CHAMP_OK) {
        FUZZ_CHECK(t == NULL && champ_last_error()[0] != '\0');
        return;
    }
    size_t n = champ_tracking_count(t), people = champ_network_person_count(net);
    FUZZ_CHECK(n >= 1 && n <= 1000);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(champ_tracking_since(t, i) < champ_tracking_until(t, i));
        FUZZ_CHECK(i == 0 || champ_tracking_since(t, i) == champ_tracking_until(t, i - 1));
        FUZZ_CHECK(champ_tracking_champion_count(t, i) <= 3);
        FUZZ_CHECK(champ_tracking_rising_count(t, i) <= champ_tracking_champion_count(t, i));
        double active = champ_tracking_kpi(t, i, CHAMP_KPI_ACTIVE_PEOPLE);
        FUZZ_CHECK(active >= 0 && active <= (double)people);
        double retained = champ_tracking_kpi(t, i, CHAMP_KPI_RETAINED);
        FUZZ_CHECK(isnan(retained) || (retained >= 0 && retained <= 1));
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f) {
        FUZZ_CHECK(champ_tracking_write(t, NULL, CHAMP_FORMAT_JSON, f) == CHAMP_OK);
        FUZZ_CHECK(fclose(f) == 0 && len > 0 && buf[len - 1] == '\n');
        free(buf);
    }
    champ_tracking_free(t);
}

/* Rank a network the reader returned with the default options, read every
 * column and write the result, and track it; then free everything. Takes
 * ownership. */
static inline void fuzz_pipeline(champ_network *net)
{
    size_t people = champ_network_person_count(net);
    if (people > FUZZ_RANK_MAX_PEOPLE ||
        champ_network_interaction_count(net) > FUZZ_RANK_MAX_INTERACTIONS) {
        champ_network_free(net);
        return;
    }
    champ_ranking *r = NULL;
    champ_status st = champ_rank(net, NULL, &r);
    if (st == CHAMP_OK)
        fuzz_track(net);
    champ_network_free(net);
    /* SCHEMA: weights summing past the largest double (SPEC 4); not a bug. */
    FUZZ_CHECK(st == CHAMP_OK || st == CHAMP_ERR_SCHEMA || st == CHAMP_ERR_NOMEM);
    if (st != CHAMP_OK) {
        FUZZ_CHECK(r == NULL);
        return;
    }
    size_t n = champ_ranking_count(r);
    FUZZ_CHECK(n == people);
    double eligible = champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    FUZZ_CHECK(eligible >= 0 && eligible <= (double)n);
    for (size_t i = 0; i < n; i++) {
        const char *id = champ_ranking_id(r, i);
        FUZZ_CHECK(id != NULL && id[0] != '\0');
        size_t at = SIZE_MAX;
        FUZZ_CHECK(champ_ranking_find(r, id, &at) == CHAMP_OK && at == i);
        int ok = champ_ranking_eligible(r, i);
        double score = champ_ranking_score(r, i);
        FUZZ_CHECK(ok ? (score >= 0 && score <= 1 + 1e-12) : isnan(score));
        FUZZ_CHECK(ok ? champ_ranking_rank(r, i) == i + 1 : champ_ranking_rank(r, i) == 0);
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
            double p = champ_ranking_percentile(r, i, (champ_criterion)c);
            FUZZ_CHECK(ok ? (p >= 0 && p <= 1) : isnan(p));
        }
    }
    size_t needed = 0;
    FUZZ_CHECK(champ_ranking_texts(r, CHAMP_TEXT_ID, NULL, 0, &needed) == CHAMP_OK);
    FUZZ_CHECK(needed >= 2 * n);
    fuzz_write(r, CHAMP_FORMAT_JSON, 0);
    fuzz_write(r, CHAMP_FORMAT_CSV, 3);
    fuzz_write(r, CHAMP_FORMAT_GRAPHML, 0);
    size_t ties = champ_ranking_tie_count(r);
    size_t *from = malloc((ties + 1) * sizeof *from), *to = malloc((ties + 1) * sizeof *to);
    double *w = malloc((ties + 1) * sizeof *w);
    if (from && to && w) {
        FUZZ_CHECK(champ_ranking_ties(r, from, to, w) == CHAMP_OK);
        for (size_t k = 0; k < ties; k++)
            FUZZ_CHECK(from[k] < n && to[k] < n && from[k] != to[k] && w[k] > 0);
    }
    free(from);
    free(to);
    free(w);
    champ_ranking_free(r);
}

#endif
