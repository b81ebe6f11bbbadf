/* The stakeholder report (lib/report.c) through the public API: its
 * arguments, its sections, escaping, the pooled teams, the languages, the
 * caller's locale, and a write callback that stops. The page as a reader
 * sees it -- in a browser, parsed strictly -- is tested in
 * tests/python/test_report.py. */
#include "netbuild.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* 12 people in teams A (6), B (5) and a one-person team "R&D <x>", each
 * tied both ways to the next two; times over three months when timed. */
static champ_network *small_network(int timed, const char *odd_id)
{
    static char ids[12][32];
    test_person people[12];
    for (int i = 0; i < 12; i++) {
        snprintf(ids[i], sizeof ids[i], "p%02d", i);
        people[i] = (test_person){ids[i], i < 6 ? "A" : i < 11 ? "B" : "R&D <x>", NULL};
    }
    if (odd_id)
        people[0].id = odd_id;
    test_interaction ix[48];
    size_t n = 0;
    for (int i = 0; i < 12; i++)
        for (int k = 1; k <= 2; k++) {
            double t = 1767225600.0 + 86400.0 * (double)(7 * i + 30 * k); /* from 2026-01-01 */
            ix[n++] = (test_interaction){people[i].id, people[(i + k) % 12].id, t, NULL, 1, timed};
            ix[n++] = (test_interaction){people[(i + k) % 12].id, people[i].id, t + 60, NULL, 1,
                                         timed};
        }
    return build_network(people, 12, ix, n);
}

static char *report_of(const champ_ranking *r, const champ_tracking *t, const champ_goal *g,
                       champ_language lang)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    champ_status st = champ_report_write(r, t, g, lang, f);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_msg(st == CHAMP_OK, "%s", champ_last_error());
    return buf;
}

START_TEST(arguments_are_checked)
{
    champ_network *net = small_network(0, NULL);
    champ_ranking *r = rank_or_fail(net, NULL);
    champ_goal *g = NULL;
    static const char goal[] = "{\"name\": \"n\", \"kpi\": \"active_people\", \"target\": 20, "
                               "\"deadline\": \"2026-12-31\"}";
    ck_assert_int_eq(champ_goal_read_memory(goal, sizeof goal - 1, NULL, &g), CHAMP_OK);
    ck_assert_int_eq(champ_report_write(NULL, NULL, NULL, CHAMP_LANGUAGE_EN, stdout),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "champ_report_write: ranking is NULL");
    ck_assert_int_eq(champ_report_write(r, NULL, NULL, CHAMP_LANGUAGE_EN, NULL),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_int_eq(champ_report_write(r, NULL, NULL, (champ_language)CHAMP_LANGUAGE_COUNT,
                                        stdout),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "champ_report_write: no language 2");
    ck_assert_int_eq(champ_report_write(r, NULL, g, CHAMP_LANGUAGE_EN, stdout),
                     CHAMP_ERR_ARGUMENT);
    ck_assert_str_eq(champ_last_error(), "champ_report_write: a goal needs a tracking to stand on");
    ck_assert_int_eq(champ_report_write_to(r, NULL, NULL, CHAMP_LANGUAGE_EN, NULL, NULL),
                     CHAMP_ERR_ARGUMENT);
    champ_goal_free(g);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

static int stop_at_once(void *user, const char *data, size_t len)
{
    (void)data;
    (void)len;
    ++*(int *)user;
    return 1;
}

START_TEST(a_stopping_callback_is_an_io_error)
{
    champ_network *net = small_network(0, NULL);
    champ_ranking *r = rank_or_fail(net, NULL);
    int calls = 0;
    ck_assert_int_eq(champ_report_write_to(r, NULL, NULL, CHAMP_LANGUAGE_EN, stop_at_once,
                                           &calls),
                     CHAMP_ERR_IO);
    ck_assert_int_eq(calls, 1);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

START_TEST(sections_escaping_and_pooled_teams)
{
    const char *odd = "<b id=\"x\">O'Neil & co</b>";
    champ_network *net = small_network(0, odd);
    champ_ranking *r = rank_or_fail(net, NULL);
    char *html = report_of(r, NULL, NULL, CHAMP_LANGUAGE_EN);
    ck_assert(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    ck_assert_ptr_nonnull(strstr(html, "Content-Security-Policy"));
    ck_assert_ptr_null(strstr(html, "<script"));
    ck_assert_ptr_null(strstr(html, "://"));
    /* the id and the team name escaped, never raw */
    ck_assert_ptr_null(strstr(html, odd));
    ck_assert_ptr_nonnull(
        strstr(html, "&lt;b id=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/b&gt;"));
    ck_assert_ptr_null(strstr(html, "R&D <x>"));
    /* in the team table the one-person team is pooled, not shown (a
     * person's own team is shown beside them, as in every person-level
     * output); as the pool of one would be too small, the smallest team
     * shown, B (5), joins it: only A has a row of its own */
    char *teams = strstr(html, "<section id=\"teams\">");
    ck_assert_ptr_nonnull(teams);
    char *end = strstr(teams, "</section>");
    ck_assert_ptr_nonnull(end);
    *end = '\0';
    ck_assert_ptr_null(strstr(teams, "R&amp;D"));
    ck_assert_ptr_nonnull(strstr(teams, "<th scope=\"row\">A</th>"));
    ck_assert_ptr_null(strstr(teams, "<th scope=\"row\">B</th>"));
    ck_assert_ptr_nonnull(strstr(teams, "<th scope=\"row\">(small teams)</th>"));
    ck_assert_ptr_nonnull(strstr(teams, "Teams with fewer than 5 people listed are pooled"));
    *end = '<';
    /* untimed: no programme; every section else */
    ck_assert_ptr_null(strstr(html, "id=\"programme\""));
    static const char *const sections[] = {"id=\"method\"", "id=\"champions\"", "id=\"teams\"",
                                           "id=\"data\"", "The interactions carry no times"};
    for (size_t k = 0; k < sizeof sections / sizeof *sections; k++)
        ck_assert_msg(strstr(html, sections[k]), "no %s", sections[k]);
    ck_assert(strlen(html) > 8 && strcmp(html + strlen(html) - 8, "</html>\n") == 0);
    free(html);
    champ_ranking_free(r);
    champ_network_free(net);
}
END_TEST

/* The caveats name how bridging was had: exact, sampled, and sampled with
 * linear scaling, in both languages. */
START_TEST(caveats_say_how_bridging_was_had)
{
    champ_network *net = small_network(0, NULL);
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    char *html = report_of(r, NULL, NULL, CHAMP_LANGUAGE_EN);
    ck_assert_ptr_null(strstr(html, "estimated from a sample"));
    ck_assert_ptr_null(strstr(html, "linear scaling"));
    free(html);
    champ_ranking_free(r);
    ck_assert_int_eq(champ_options_set_bridging_samples(o, 4), CHAMP_OK);
    r = rank_or_fail(net, o);
    html = report_of(r, NULL, NULL, CHAMP_LANGUAGE_EN);
    ck_assert_ptr_nonnull(strstr(html, "Bridging was estimated from a sample of 4 of the 12 "
                                       "people.</li>"));
    free(html);
    champ_ranking_free(r);
    ck_assert_int_eq(champ_options_set_bridging_estimate(o, CHAMP_ESTIMATE_LINEAR), CHAMP_OK);
    r = rank_or_fail(net, o);
    html = report_of(r, NULL, NULL, CHAMP_LANGUAGE_EN);
    ck_assert_ptr_nonnull(strstr(html, "Bridging was estimated from a sample of 4 of the 12 "
                                       "people. Each source&#39;s share of a path was weighed "
                                       "by how far along it a person stands (linear "
                                       "scaling).</li>"));
    free(html);
    html = report_of(r, NULL, NULL, CHAMP_LANGUAGE_NL);
    ck_assert_ptr_nonnull(strstr(html, "(lineaire schaling).</li>"));
    free(html);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

START_TEST(programme_goal_and_dutch)
{
    champ_network *net = small_network(1, NULL);
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_period(o, CHAMP_PERIOD_MONTH), CHAMP_OK);
    ck_assert_int_eq(champ_options_set_top(o, 3), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, o);
    champ_tracking *t = NULL;
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_OK);
    static const char goal[] = "{\"name\": \"More <active> people\", \"kpi\": \"active_people\", "
                               "\"target\": 1000, \"deadline\": \"2026-12-31\", "
                               "\"who\": \"HR & comms\"}";
    champ_goal *g = NULL;
    ck_assert_int_eq(champ_goal_read_memory(goal, sizeof goal - 1, NULL, &g), CHAMP_OK);
    char *en = report_of(r, t, g, CHAMP_LANGUAGE_EN);
    ck_assert_ptr_nonnull(strstr(en, "id=\"programme\""));
    ck_assert_ptr_nonnull(strstr(en, "Goal: More &lt;active&gt; people"));
    ck_assert_ptr_nonnull(strstr(en, "<dd>HR &amp; comms</dd>"));
    ck_assert_ptr_nonnull(strstr(en, "<p class=\"status off\" id=\"goal-status\">Not on track: "));
    ck_assert_ptr_nonnull(strstr(en, " of 1,000 active people (baseline "));
    ck_assert_ptr_nonnull(strstr(en, "by 31 December 2026"));
    ck_assert_ptr_nonnull(strstr(en, "<title id=\"kpi-title\">active people per period, January "
                                     "2026 to "));
    ck_assert_ptr_nonnull(strstr(en, "The top 3 champions"));
    char *nl = report_of(r, t, g, CHAMP_LANGUAGE_NL);
    ck_assert(strncmp(nl, "<!DOCTYPE html>\n<html lang=\"nl\">", 32) == 0);
    ck_assert_ptr_nonnull(strstr(nl, "Niet op koers: "));
    ck_assert_ptr_nonnull(strstr(nl, " van 1.000 actieve mensen"));
    ck_assert_ptr_nonnull(strstr(nl, "31 december 2026"));
    ck_assert_ptr_nonnull(strstr(nl, "(kleine teams)"));
    ck_assert_ptr_nonnull(strstr(nl, "Plaats 1 van "));
    free(nl);
    /* the caller's locale changes nothing */
    const char *comma = comma_locale();
    ck_assert_ptr_nonnull(comma);
    char *again = report_of(r, t, g, CHAMP_LANGUAGE_EN);
    setlocale(LC_ALL, "C");
    ck_assert_str_eq(again, en);
    free(again);
    free(en);
    champ_goal_free(g);
    champ_tracking_free(t);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

/* Found by the fuzzers: times past the year 9999 were converted to
 * time_t out of range, and a huge target made the chart's gridlines
 * loop forever. Such times are written as Unix seconds. */
START_TEST(times_past_the_calendar_and_huge_targets)
{
    champ_network *net = NULL;
    ck_assert_int_eq(champ_network_new(&net), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interaction(net, "a", "b", 1767225600.0, NULL, 1), CHAMP_OK);
    ck_assert_int_eq(champ_network_add_interaction(net, "b", "a", 3e21, NULL, 1), CHAMP_OK);
    champ_ranking *r = rank_or_fail(net, NULL);
    char *html = report_of(r, NULL, NULL, CHAMP_LANGUAGE_EN);
    ck_assert_ptr_nonnull(strstr(html, "Interactions from 1 January 2026 to 3e+21 s"));
    free(html);
    champ_ranking_free(r);
    champ_network_free(net);

    net = small_network(1, NULL);
    champ_options *o = NULL;
    ck_assert_int_eq(champ_options_new(&o), CHAMP_OK);
    r = rank_or_fail(net, o);
    champ_tracking *t = NULL;
    ck_assert_int_eq(champ_track(net, o, &t), CHAMP_OK);
    static const char goal[] = "{\"name\": \"n\", \"kpi\": \"active_people\", \"target\": 1.79e308, "
                               "\"deadline\": \"9999-12-31\"}";
    champ_goal *g = NULL;
    ck_assert_int_eq(champ_goal_read_memory(goal, sizeof goal - 1, NULL, &g), CHAMP_OK);
    html = report_of(r, t, g, CHAMP_LANGUAGE_EN);
    ck_assert_ptr_nonnull(strstr(html, "id=\"goal-status\""));
    free(html);
    champ_goal_free(g);
    champ_tracking_free(t);
    champ_ranking_free(r);
    champ_options_free(o);
    champ_network_free(net);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("report");
    tcase_add_test(tc, arguments_are_checked);
    tcase_add_test(tc, a_stopping_callback_is_an_io_error);
    tcase_add_test(tc, sections_escaping_and_pooled_teams);
    tcase_add_test(tc, caveats_say_how_bridging_was_had);
    tcase_add_test(tc, programme_goal_and_dutch);
    tcase_add_test(tc, times_past_the_calendar_and_huge_targets);
    suite_add_tcase(s, tc);
    return champ_test_run(s);
}
