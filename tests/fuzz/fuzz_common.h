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

/* Networks this small also go through the options of trust (more
 * rankings per input). */
#define FUZZ_TRUST_MAX_PEOPLE 64

/* A ranking's flags, explanations and team table are sound. */
static inline void fuzz_explained(const champ_ranking *r)
{
    size_t n = champ_ranking_count(r), needed = 0;
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(champ_ranking_flags(r, i) < 1u << CHAMP_FLAG_COUNT);
    FUZZ_CHECK(champ_ranking_explanations(r, CHAMP_LANGUAGE_EN, NULL, 0, &needed) == CHAMP_OK);
    char *all = malloc(needed);
    if (all) {
        FUZZ_CHECK(champ_ranking_explanations(r, CHAMP_LANGUAGE_EN, all, needed, NULL) ==
                   CHAMP_OK);
        const char *at = all;
        for (size_t i = 0; i < n; i++) {
            FUZZ_CHECK(i < eligible ? strncmp(at, "Ranks ", 6) == 0 : *at == '\0');
            at += strlen(at) + 1;
        }
        FUZZ_CHECK(at == all + needed);
        free(all);
    }
    size_t rows = champ_ranking_team_count(r);
    double *listed = malloc((rows + 1) * sizeof *listed);
    double *champions = malloc((rows + 1) * sizeof *champions);
    if (listed && champions) {
        FUZZ_CHECK(champ_ranking_team_table(r, 3, CHAMP_TEAM_LISTED, listed) == CHAMP_OK);
        FUZZ_CHECK(champ_ranking_team_table(r, 3, CHAMP_TEAM_CHAMPIONS, champions) == CHAMP_OK);
        double total = 0, ranked = 0;
        for (size_t k = 0; k < rows; k++) {
            FUZZ_CHECK(isnan(listed[k]) || listed[k] >= (double)champ_ranking_min_group_size(r));
            total += isnan(listed[k]) ? 0 : listed[k];
            ranked += isnan(champions[k]) ? 0 : champions[k];
        }
        FUZZ_CHECK(total <= champ_ranking_summary(r, CHAMP_SUMMARY_LISTED) && ranked <= 3);
    }
    free(listed);
    free(champions);
}

/* Rank with confidence, a minimum tie weight and bridging sampled from 2
 * sources with linear scaling: intervals in range, tiers in order, no more
 * ties than without the minimum, bridging finite and >= 0. */
static inline void fuzz_trust(const champ_network *net, const champ_ranking *plain)
{
    champ_options *o = NULL;
    champ_ranking *r = NULL;
    if (champ_options_new(&o) != CHAMP_OK)
        return;
    champ_options_set_confidence(o, 3);
    champ_options_set_min_tie_weight(o, 2);
    champ_options_set_bridging_samples(o, 2);
    champ_options_set_bridging_estimate(o, CHAMP_ESTIMATE_LINEAR);
    champ_status st = champ_rank(net, o, &r);
    champ_options_free(o);
    FUZZ_CHECK(st == CHAMP_OK || st == CHAMP_ERR_SCHEMA || st == CHAMP_ERR_NOMEM);
    if (st != CHAMP_OK)
        return;
    FUZZ_CHECK(champ_ranking_summary(r, CHAMP_SUMMARY_TIES) <=
               champ_ranking_summary(plain, CHAMP_SUMMARY_TIES));
    FUZZ_CHECK(champ_ranking_bridging_estimate(r) ==
               (champ_ranking_bridging_exact(r) ? CHAMP_ESTIMATE_PIVOTS : CHAMP_ESTIMATE_LINEAR));
    for (size_t i = 0; i < champ_ranking_count(r); i++) {
        double b = champ_ranking_value(r, i, CHAMP_BRIDGING);
        FUZZ_CHECK(isfinite(b) && b >= 0);
    }
    size_t eligible = (size_t)champ_ranking_summary(r, CHAMP_SUMMARY_ELIGIBLE), tier = 0;
    for (size_t i = 0; i < eligible; i++) {
        size_t low, high;
        double share;
        FUZZ_CHECK(champ_ranking_interval(r, i, &low, &high, &share) == 1);
        FUZZ_CHECK(1 <= low && low <= high && high <= eligible + 1);
        FUZZ_CHECK(share >= 0 && share <= 1);
        FUZZ_CHECK(champ_ranking_tier(r, i) >= tier && champ_ranking_tier(r, i) <= tier + 1);
        tier = champ_ranking_tier(r, i);
    }
    fuzz_explained(r);
    fuzz_write(r, CHAMP_FORMAT_JSON, 0);
    champ_ranking_free(r);
}

/* The network written back (JSON, then JSON Lines) reads as the same
 * network: the same people and interactions, the same ranking summary but
 * for the self-interactions, which are not kept. Then pseudonymised: every
 * id "p-" and 16 hex digits, nobody lost. */
static inline void fuzz_written_back(champ_network *net, const champ_ranking *r)
{
    for (int lines = 0; lines < 2; lines++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
            return;
        FUZZ_CHECK(champ_network_write(net, lines ? CHAMP_INPUT_JSONL : CHAMP_INPUT_JSON, f) ==
                   CHAMP_OK);
        FUZZ_CHECK(fclose(f) == 0);
        champ_network *again = NULL;
        champ_status st = lines ? champ_network_read_jsonl(buf, len, &again)
                                : champ_network_read_json(buf, len, &again);
        free(buf);
        if (st != CHAMP_OK && st != CHAMP_ERR_NOMEM && champ_network_interaction_count(net) > 0)
            fprintf(stderr, "fuzz: written back, read: %s\n", champ_last_error());
        /* Only self-interactions: none kept, nothing to write back. */
        FUZZ_CHECK(st == CHAMP_OK || st == CHAMP_ERR_NOMEM ||
                   champ_network_interaction_count(net) == 0);
        if (st != CHAMP_OK)
            return;
        FUZZ_CHECK(champ_network_person_count(again) == champ_network_person_count(net));
        FUZZ_CHECK(champ_network_interaction_count(again) == champ_network_interaction_count(net));
        champ_ranking *r2 = NULL;
        /* JSON Lines has no empty people list: nobody listed reads as no list. */
        int comparable = !(lines && champ_ranking_summary(r, CHAMP_SUMMARY_LISTED) == 0);
        if (comparable && champ_rank(again, NULL, &r2) == CHAMP_OK) {
            for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++) {
                double a = champ_ranking_summary(r, (champ_summary_item)k);
                double b = champ_ranking_summary(r2, (champ_summary_item)k);
                if (k != CHAMP_SUMMARY_DROPPED_SELF && k != CHAMP_SUMMARY_DROPPED_ZERO &&
                    !(a == b || (isnan(a) && isnan(b))))
                    fprintf(stderr, "fuzz: written back, summary item %d: %g, then %g\n", k, a, b);
                if (k != CHAMP_SUMMARY_DROPPED_SELF && k != CHAMP_SUMMARY_DROPPED_ZERO)
                    FUZZ_CHECK(a == b || (isnan(a) && isnan(b)));
            }
            champ_ranking_free(r2);
        }
        champ_network_free(again);
    }
    static const char key[] = "a key of sixteen bytes or more";
    if (champ_network_pseudonymize(net, key, sizeof key - 1, 1) == CHAMP_OK) {
        champ_ranking *p = NULL;
        if (champ_rank(net, NULL, &p) == CHAMP_OK) {
            FUZZ_CHECK(champ_ranking_count(p) == champ_ranking_count(r));
            for (size_t i = 0; i < champ_ranking_count(p); i++) {
                const char *id = champ_ranking_id(p, i);
                FUZZ_CHECK(strlen(id) == 18 && strncmp(id, "p-", 2) == 0 &&
                           strspn(id + 2, "0123456789abcdef") == 16);
            }
            champ_ranking_free(p);
        }
    }
}

/* Every '<' of a report opens (or closes) one of the tags the report's
 * template writes: text from the input never does. */
static inline int fuzz_only_template_tags(const char *html)
{
    static const char *const tags[] = {
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "h1",
        "h2", "h3", "p", "section", "ul", "li", "span", "svg", "rect", "div", "table", "thead",
        "tbody", "tr", "th", "td", "br", "figure", "line", "text", "polyline", "circle", "dl",
        "dt", "dd", "footer"};
    for (const char *at = strchr(html, '<'); at; at = strchr(at + 1, '<')) {
        const char *name = at + 1 + (at[1] == '/');
        size_t len = strcspn(name, " >/\n");
        int known = 0;
        for (size_t k = 0; k < sizeof tags / sizeof *tags && !known; k++)
            known = strlen(tags[k]) == len && strncmp(tags[k], name, len) == 0;
        if (!known)
            return 0;
    }
    return 1;
}

/* The report of a ranking and its tracking, in every language: a whole
 * page, whose only tags are the template's. */
static inline void fuzz_report(const champ_network *net, const champ_ranking *r)
{
    champ_options *o = NULL;
    champ_tracking *t = NULL;
    if (champ_options_new(&o) != CHAMP_OK)
        return;
    champ_options_set_period(o, CHAMP_PERIOD_MONTH);
    if (champ_track(net, o, &t) != CHAMP_OK)
        t = NULL;
    champ_options_free(o);
    for (int lang = 0; lang < CHAMP_LANGUAGE_COUNT; lang++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
            break;
        champ_status st = champ_report_write(r, t, NULL, (champ_language)lang, f);
        FUZZ_CHECK(fclose(f) == 0);
        FUZZ_CHECK(st == CHAMP_OK || st == CHAMP_ERR_NOMEM);
        if (st == CHAMP_OK) {
            FUZZ_CHECK(strncmp(buf, "<!DOCTYPE html>", 15) == 0);
            FUZZ_CHECK(len >= 8 && strcmp(buf + len - 8, "</html>\n") == 0);
            FUZZ_CHECK(fuzz_only_template_tags(buf));
        }
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
    if (st == CHAMP_OK) {
        fuzz_track(net);
        fuzz_explained(r);
        if (people <= FUZZ_TRUST_MAX_PEOPLE) {
            fuzz_report(net, r);
            fuzz_trust(net, r);
            fuzz_written_back(net, r); /* pseudonymises net: last */
        }
    }
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
