/* The writers of a tracking: JSON (SPEC 9.2, with a goal's status) and CSV
 * (one row per period). */
#include "track.h"
#include "errors.h"
#include "goal.h"
#include "out.h"
#include "ranking.h"
#include "timeparse.h"

#include <math.h>
#include <string.h>

static void put_time(champ_out *o, double t, int json)
{
    char text[CHAMP_TIME_TEXT_MAX];
    champ__format_time(text, t);
    if (json)
        champ__out_json_string(o, text);
    else
        champ__out_puts(o, text);
}

/* A number, or null (JSON) / nothing (CSV) for NAN. */
static void put_number(champ_out *o, double x, int json)
{
    if (!isnan(x))
        champ__out_number(o, x);
    else if (json)
        champ__out_puts(o, "null");
}

static void put_key(champ_out *o, const char *key, int first)
{
    champ__out_puts(o, first ? "\"" : ",\"");
    champ__out_puts(o, key);
    champ__out_puts(o, "\":");
}

static void put_kpis(champ_out *o, const champ_tracking *t, size_t i)
{
    champ__out_putc(o, '{');
    for (int k = 0; k < CHAMP_KPI_COUNT; k++) {
        put_key(o, champ_kpi_name((champ_kpi)k), k == 0);
        put_number(o, champ_tracking_kpi(t, i, (champ_kpi)k), 1);
        if (k == CHAMP_KPI_ACTIVE_PEOPLE) { /* the champions, second as in SPEC 9.2 */
            put_key(o, "champions", 0);
            champ__out_putc(o, '[');
            for (size_t c = 0; c < champ_tracking_champion_count(t, i); c++) {
                if (c)
                    champ__out_putc(o, ',');
                champ__out_json_string(o, champ_tracking_champion(t, i, c));
            }
            champ__out_putc(o, ']');
        }
    }
    champ__out_putc(o, '}');
}

static void put_rising(champ_out *o, const champ_tracking *t, size_t i)
{
    champ__out_putc(o, '[');
    for (size_t k = 0; k < champ_tracking_rising_count(t, i); k++) {
        size_t rank, previous;
        const char *id = champ_tracking_rising(t, i, k, &rank, &previous);
        champ__out_puts(o, k ? ",{" : "{");
        put_key(o, "id", 1);
        champ__out_json_string(o, id);
        put_key(o, "rank", 0);
        champ__out_number(o, (double)rank);
        put_key(o, "previous_rank", 0);
        put_number(o, previous ? (double)previous : NAN, 1);
        champ__out_putc(o, '}');
    }
    champ__out_putc(o, ']');
}

typedef struct tracking_job {
    const champ_tracking *t;
    const champ_goal *goal;
    double baseline, latest, progress;
    int on_track;
} tracking_job;

static void put_goal(champ_out *o, const tracking_job *job)
{
    const champ_goal *g = job->goal;
    champ__out_puts(o, ",\"goal\":{");
    put_key(o, "name", 1);
    champ__out_json_string(o, champ_goal_name(g));
    put_key(o, "kpi", 0);
    champ__out_json_string(o, champ_goal_kpi(g));
    put_key(o, "target", 0);
    champ__out_number(o, champ_goal_target(g));
    put_key(o, "deadline", 0);
    put_time(o, champ_goal_deadline(g), 1);
    put_key(o, "baseline", 0);
    champ__out_number(o, job->baseline);
    put_key(o, "latest", 0);
    champ__out_number(o, job->latest);
    put_key(o, "progress", 0);
    champ__out_number(o, job->progress);
    put_key(o, "on_track", 0);
    champ__out_puts(o, job->on_track ? "true" : "false");
    champ__out_putc(o, '}');
}

static void write_json(champ_out *o, void *arg)
{
    const tracking_job *job = arg;
    const champ_tracking *t = job->t;
    champ__out_puts(o, "{\"version\":");
    champ__out_json_string(o, champ_version());
    put_key(o, "scenario", 0);
    if (t->scenario >= 0)
        champ__out_json_string(o, champ_scenario_name((champ_scenario)t->scenario));
    else
        champ__out_puts(o, "null");
    put_key(o, "period", 0);
    champ__out_json_string(o, champ_period_name(t->period));
    put_key(o, "top", 0);
    champ__out_number(o, (double)t->top);
    champ__out_puts(o, ",\"periods\":[");
    for (size_t i = 0; i < t->count; i++) {
        const track_period *p = &t->periods[i];
        champ__out_puts(o, i ? ",{" : "{");
        put_key(o, "since", 1);
        put_time(o, p->since, 1);
        put_key(o, "until", 0);
        put_time(o, p->until, 1);
        put_key(o, "summary", 0);
        champ__out_summary(o, p->summary, &p->warnings);
        put_key(o, "kpis", 0);
        put_kpis(o, t, i);
        put_key(o, "rising", 0);
        put_rising(o, t, i);
        champ__out_putc(o, '}');
    }
    champ__out_putc(o, ']');
    if (job->goal)
        put_goal(o, job);
    champ__out_puts(o, "}\n");
}

static const char *id_at(const champ_tracking *t, size_t i, size_t k, int rising)
{
    return rising ? champ_tracking_rising(t, i, k, NULL, NULL) : champ_tracking_champion(t, i, k);
}

/* The ids of a list joined by ';' as one CSV field (RFC 4180 quoting when
 * an id needs it). */
static void put_ids(champ_out *o, const champ_tracking *t, size_t i, int rising)
{
    size_t n = rising ? champ_tracking_rising_count(t, i) : champ_tracking_champion_count(t, i);
    int quote = 0;
    for (size_t k = 0; k < n && !quote; k++)
        quote = strpbrk(id_at(t, i, k, rising), ",\"\r\n") != NULL;
    if (quote)
        champ__out_putc(o, '"');
    for (size_t k = 0; k < n; k++) {
        if (k)
            champ__out_putc(o, ';');
        for (const char *c = id_at(t, i, k, rising); *c; c++) {
            if (*c == '"')
                champ__out_putc(o, '"');
            champ__out_putc(o, *c);
        }
    }
    if (quote)
        champ__out_putc(o, '"');
}

static void write_csv(champ_out *o, void *arg)
{
    const champ_tracking *t = ((const tracking_job *)arg)->t;
    /* dropped_zero only when the tracked network has the count */
    int zero = t->count && !isnan(t->periods[0].summary[CHAMP_SUMMARY_DROPPED_ZERO]);
    champ__out_puts(o, "since,until");
    for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++)
        if (k != CHAMP_SUMMARY_DROPPED_ZERO || zero) {
            champ__out_putc(o, ',');
            champ__out_puts(o, champ_summary_item_name((champ_summary_item)k));
        }
    for (int k = 0; k < CHAMP_KPI_COUNT; k++) {
        champ__out_putc(o, ',');
        champ__out_puts(o, champ_kpi_name((champ_kpi)k));
        if (k == CHAMP_KPI_ACTIVE_PEOPLE)
            champ__out_puts(o, ",champions");
    }
    champ__out_puts(o, ",rising\r\n");
    for (size_t i = 0; i < t->count; i++) {
        const track_period *p = &t->periods[i];
        put_time(o, p->since, 0);
        champ__out_putc(o, ',');
        put_time(o, p->until, 0);
        for (int k = 0; k < CHAMP_SUMMARY_ITEM_COUNT; k++)
            if (k != CHAMP_SUMMARY_DROPPED_ZERO || zero) {
                champ__out_putc(o, ',');
                put_number(o, p->summary[k], 0);
            }
        for (int k = 0; k < CHAMP_KPI_COUNT; k++) {
            champ__out_putc(o, ',');
            put_number(o, p->kpi[k], 0);
            if (k == CHAMP_KPI_ACTIVE_PEOPLE) {
                champ__out_putc(o, ',');
                put_ids(o, t, i, 0);
            }
        }
        champ__out_putc(o, ',');
        put_ids(o, t, i, 1);
        champ__out_puts(o, "\r\n");
    }
}

static champ_status write_tracking(const champ_tracking *t, const champ_goal *goal,
                                   champ_format format, champ_write_fn fn, void *user,
                                   FILE *stream)
{
    if (format != CHAMP_FORMAT_JSON && format != CHAMP_FORMAT_CSV)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_tracking_write: a tracking is written as "
                           "JSON or CSV, not as %s",
                           champ_format_name(format) ? champ_format_name(format) : "that");
    tracking_job job = {t, goal, NAN, NAN, NAN, 0};
    champ_status st;
    if (goal && (st = champ_goal_status(goal, t, &job.baseline, &job.latest, &job.progress,
                                        &job.on_track)))
        return st;
    void (*body)(champ_out *, void *) = format == CHAMP_FORMAT_JSON ? write_json : write_csv;
    return fn ? champ__write(fn, user, body, &job) : champ__write_stream(stream, body, &job);
}

champ_status champ_tracking_write(const champ_tracking *t, const champ_goal *goal,
                                  champ_format format, FILE *stream)
{
    if (!t || !stream)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_tracking_write: NULL argument");
    return write_tracking(t, goal, format, NULL, NULL, stream);
}

champ_status champ_tracking_write_to(const champ_tracking *t, const champ_goal *goal,
                                     champ_format format, champ_write_fn fn, void *user)
{
    if (!t || !fn)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_tracking_write_to: NULL argument");
    return write_tracking(t, goal, format, fn, user, NULL);
}
