/*
 * libFuzzer harness: goal files (champ_goal_read_memory) and their status
 * on a fixed tracking of three months (champ_goal_status), then the
 * tracking's JSON with the goal. A goal either reads (with its required
 * members) or fails with PARSE or SCHEMA and a message; its status either
 * holds (progress in [0, 1], the baseline and latest the KPI's values) or
 * fails with SCHEMA and a message naming the goal. See docs/fuzzing.md.
 */
#include "fuzz_common.h"

static champ_tracking *tracking;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Three months of 2026 among six people, some of them citizens. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    static const char *const ids[] = {"a", "b", "c", "d", "e", "z"};
    static const char *const teams[] = {"T1", "T1", "T2", "T3", NULL, NULL};
    static const char *const groups[] = {NULL, NULL, NULL, NULL, "partner", "citizen"};
    champ_network *net = NULL;
    champ_options *o = NULL;
    if (champ_network_new(&net) || champ_options_new(&o) ||
        champ_network_add_people(net, 6, ids, teams, groups) ||
        champ_options_set_scenario(o, CHAMP_SCENARIO_CITIZENS) || champ_options_set_top(o, 2))
        abort();
    for (int i = 0; i < 60; i++) {
        double when = 1767225600.0 + 86400.0 * (i * 89 / 60);
        if (champ_network_add_interaction(net, ids[i % 5], ids[(i * 7 + 1) % 6], when, NULL,
                                          1 + i % 3))
            abort();
    }
    if (champ_track(net, o, &tracking) || champ_tracking_count(tracking) != 3)
        abort();
    champ_options_free(o);
    champ_network_free(net);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    champ_goal *g = NULL;
    champ_status st = champ_goal_read_memory(data, size, "goal.json", &g);
    if (st != CHAMP_OK) {
        FUZZ_CHECK(st == CHAMP_ERR_PARSE || st == CHAMP_ERR_SCHEMA || st == CHAMP_ERR_NOMEM);
        FUZZ_CHECK(g == NULL && strncmp(champ_last_error(), "goal.json: ", 11) == 0);
        return 0;
    }
    FUZZ_CHECK(champ_goal_name(g) && champ_goal_kpi(g) && isfinite(champ_goal_target(g)) &&
               isfinite(champ_goal_deadline(g)));
    double baseline, latest, progress;
    int on_track = -1;
    st = champ_goal_status(g, tracking, &baseline, &latest, &progress, &on_track);
    if (st == CHAMP_OK) {
        FUZZ_CHECK(progress >= 0 && progress <= 1 && (on_track == 0 || on_track == 1));
        FUZZ_CHECK(isfinite(baseline) && isfinite(latest));
    } else {
        FUZZ_CHECK(st == CHAMP_ERR_SCHEMA && strncmp(champ_last_error(), "goal.json: ", 11) == 0);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f) {
        champ_status written = champ_tracking_write(tracking, g, CHAMP_FORMAT_JSON, f);
        FUZZ_CHECK(written == st);
        fclose(f);
        free(buf);
    }
    champ_goal_free(g);
    return 0;
}
