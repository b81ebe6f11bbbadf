/* The stakeholder report (SPEC 11): one self-contained HTML page -- inline
 * CSS, inline SVG charts, no script, nothing fetched (a Content Security
 * Policy says so to the browser) -- with the method, the top champions and
 * why, the champions per team (pooled as the team table pools them), the
 * programme's KPI against its goal, the rising champions, and the data and
 * its caveats. Every word of it is in WORDS, one table per language, like
 * the explanations' phrases. */
#include "errors.h"
#include "goal.h"
#include "out.h"
#include "ranking.h"
#include "timeparse.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- the words ----------------------------------------------------------- */

typedef struct words {
    const char *title;
    const char *span;                 /* first date, last date */
    const char *span_window;          /* since, until (either may be "…") */
    const char *untimed;
    const char *method_heading;
    const char *method;               /* the criteria with their weights, eligible, people */
    const char *criterion[CHAMP_CRITERION_COUNT];
    const char *scenario_is;          /* scenario */
    const char *scenario[CHAMP_SCENARIO_COUNT];
    const char *top_heading;          /* n */
    const char *top_intro;
    const char *col_rank, *col_person, *col_team, *col_score, *col_why, *col_likely;
    const char *score_label;          /* score, then the parts */
    const char *tier_note;            /* resamples */
    const char *no_confidence;
    const char *likely;               /* rank low, rank high */
    const char *flags_note;
    const char *nobody;
    const char *teams_heading;
    const char *teams_intro;          /* top */
    const char *pool_rule;            /* min, min */
    const char *col_listed, *col_eligible, *col_champions;
    const char *withheld;
    const char *pool_name, *no_team_name; /* the team table's pooled rows */
    const char *programme_heading;
    const char *per_period;           /* period */
    const char *period_name[CHAMP_PERIOD_COUNT];
    const char *kpi[CHAMP_KPI_COUNT];
    const char *goal_is;              /* name */
    const char *goal_what, *goal_who, *goal_why;
    const char *on_track, *off_track;
    const char *status;               /* state, latest, target, kpi, baseline */
    const char *trend;                /* value, deadline */
    const char *chart_label;          /* kpi, first, last */
    const char *target_label, *trend_label;
    const char *col_period;
    const char *rising_heading;       /* period */
    const char *rising_none;
    const char *rising_rank;          /* rank now, rank before */
    const char *rising_new;           /* rank now */
    const char *data_heading;
    const char *data[8];              /* people, listed, eligible, interactions, teams,
                                         dropped self, dropped window, mutual share */
    const char *caveats_heading;
    const char *sampled;              /* sources, people */
    const char *linear;               /* after sampled, with linear scaling */
    const char *exact;
    const char *confidence_used;      /* resamples */
    const char *warning_intro;
    const char *footer;               /* version */
    const char *months[12];
    const char *quarter;              /* q, year */
} words;

static const words WORDS[CHAMP_LANGUAGE_COUNT] = {
    [CHAMP_LANGUAGE_EN] = {
        .title = "Social business champions",
        .span = "Interactions from %s to %s",
        .span_window = "Interactions in the window %s to %s",
        .untimed = "The interactions carry no times",
        .method_heading = "The method",
        .method = "A champion is a colleague who helps others and is helped back, goes beyond "
                  "their own team, is engaged with and is active. Each person gets a percentile "
                  "on five criteria: %s. The score weighs them as shown; the %s eligible people "
                  "of the %s in the data are ranked by it.",
        .criterion = {"reciprocity (answers and is answered)", "reach beyond their own team",
                      "bridging otherwise distant people", "influence (engaged with by "
                      "well-connected people)", "activity"},
        .scenario_is = "Scenario: %s.",
        .scenario = {"collaboration between colleagues and partners", "recruitment",
                     "contact with citizens",
                     "contact with people who may settle in or visit the region"},
        .top_heading = "The top %s champions",
        .top_intro = "Each bar shows how the score is made up: a criterion's part is its weight "
                     "times the person's percentile on it.",
        .col_rank = "Rank", .col_person = "Person", .col_team = "Team", .col_score = "Score (of 100)",
        .col_why = "Why", .col_likely = "Likely rank",
        .score_label = "score %s of 100:",
        .tier_note = "Ranks in the same tier are not told apart by the data: their 90%% "
                     "intervals over %s resamples overlap.",
        .no_confidence = "The ranks are point estimates; no confidence was computed.",
        .likely = "%s to %s",
        .flags_note = "A flag asks for a closer look before this person is named.",
        .nobody = "Nobody is eligible.",
        .teams_heading = "Champions per team",
        .teams_intro = "People listed per team, those eligible, and the champions among the "
                       "top %s.",
        .pool_rule = "Teams with fewer than %s people listed are pooled as \xe2\x80\x9c%s\xe2\x80\x9d "
                     "so that no small group can be singled out; a pool of fewer than %s is "
                     "withheld.",
        .col_listed = "Listed", .col_eligible = "Eligible", .col_champions = "Champions",
        .withheld = "withheld",
        .pool_name = CHAMP_TEAM_POOL_NAME, .no_team_name = CHAMP_TEAM_NO_TEAM_NAME,
        .programme_heading = "Progress",
        .per_period = "Per %s",
        .period_name = {"week", "month", "quarter"},
        .kpi = {"active people", "champions' reciprocity", "teams reached by the champions",
                "people of the audience reached", "champions retained"},
        .goal_is = "Goal: %s",
        .goal_what = "What", .goal_who = "Who", .goal_why = "Why",
        .on_track = "On track", .off_track = "Not on track",
        .status = "%s: %s of %s %s (baseline %s)",
        .trend = ", trend reaches %s by %s",
        .chart_label = "%s per period, %s to %s",
        .target_label = "target", .trend_label = "trend",
        .col_period = "Period",
        .rising_heading = "Rising champions in %s",
        .rising_none = "No new champions this period.",
        .rising_rank = "rank %s, was %s",
        .rising_new = "rank %s, not eligible before",
        .data_heading = "The data",
        .data = {"People", "Listed in the people list", "Eligible to be champions",
                 "Interactions counted", "Teams", "Self-interactions left out",
                 "Interactions outside the window", "Ties answered both ways"},
        .caveats_heading = "Caveats",
        .sampled = "Bridging was estimated from a sample of %s of the %s people.",
        .linear = " Each source's share of a path was weighed by how far along it a person "
                  "stands (linear scaling).",
        .exact = "Bridging was computed exactly.",
        .confidence_used = "Ranks were checked on %s bootstrap resamples of the interactions.",
        .warning_intro = "The library warns:",
        .footer = "Made with champions %s. It reads who interacted with whom, when and how "
                  "often; never what was said.",
        .months = {"January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"},
        .quarter = "Q%d %d",
    },
    [CHAMP_LANGUAGE_NL] = {
        .title = "Social business champions",
        .span = "Interacties van %s tot %s",
        .span_window = "Interacties in het venster %s tot %s",
        .untimed = "De interacties hebben geen tijden",
        .method_heading = "De methode",
        .method = "Een champion is een collega die anderen helpt en zelf geholpen wordt, "
                  "verder kijkt dan het eigen team, betrokkenheid oproept en actief is. Ieder "
                  "krijgt een percentiel op vijf criteria: %s. De score weegt ze zoals "
                  "getoond; de %s verkiesbare mensen van de %s in de gegevens zijn erop "
                  "gerangschikt.",
        .criterion = {"wederkerigheid (reageert en krijgt reactie)", "bereik buiten het eigen "
                      "team", "bruggen slaan tussen verder uiteenliggende mensen", "invloed "
                      "(betrokkenheid van goed verbonden mensen)", "activiteit"},
        .scenario_is = "Scenario: %s.",
        .scenario = {"samenwerking tussen collega's en partners", "werving",
                     "contact met burgers",
                     "contact met mensen die zich in de regio willen vestigen of haar bezoeken"},
        .top_heading = "De top %s champions",
        .top_intro = "Elke balk toont waaruit de score bestaat: het deel van een criterium is "
                     "zijn gewicht maal het percentiel van de persoon.",
        .col_rank = "Plaats", .col_person = "Persoon", .col_team = "Team", .col_score = "Score (van 100)",
        .col_why = "Waarom", .col_likely = "Waarschijnlijke plaats",
        .score_label = "score %s van 100:",
        .tier_note = "Plaatsen in dezelfde groep zijn door de gegevens niet te onderscheiden: "
                     "hun 90%%-intervallen over %s steekproeven overlappen.",
        .no_confidence = "De plaatsen zijn puntschattingen; er is geen betrouwbaarheid berekend.",
        .likely = "%s tot %s",
        .flags_note = "Een markering vraagt om een nadere blik voordat deze persoon wordt "
                      "genoemd.",
        .nobody = "Niemand is verkiesbaar.",
        .teams_heading = "Champions per team",
        .teams_intro = "Mensen per team, wie verkiesbaar is, en de champions in de top %s.",
        .pool_rule = "Teams met minder dan %s mensen zijn samengevoegd als \xe2\x80\x9c%s\xe2\x80\x9d, "
                     "zodat geen kleine groep herkenbaar is; een samenvoeging van minder dan %s "
                     "wordt niet getoond.",
        .col_listed = "Mensen", .col_eligible = "Verkiesbaar", .col_champions = "Champions",
        .withheld = "niet getoond",
        .pool_name = "(kleine teams)", .no_team_name = "(geen team)",
        .programme_heading = "Voortgang",
        .per_period = "Per %s",
        .period_name = {"week", "maand", "kwartaal"},
        .kpi = {"actieve mensen", "wederkerigheid van de champions",
                "teams bereikt door de champions", "mensen uit de doelgroep bereikt",
                "champions behouden"},
        .goal_is = "Doel: %s",
        .goal_what = "Wat", .goal_who = "Wie", .goal_why = "Waarom",
        .on_track = "Op koers", .off_track = "Niet op koers",
        .status = "%s: %s van %s %s (nulmeting %s)",
        .trend = ", de trend bereikt %s op %s",
        .chart_label = "%s per periode, %s tot %s",
        .target_label = "doel", .trend_label = "trend",
        .col_period = "Periode",
        .rising_heading = "Opkomende champions in %s",
        .rising_none = "Geen nieuwe champions deze periode.",
        .rising_rank = "plaats %s, was %s",
        .rising_new = "plaats %s, eerder niet verkiesbaar",
        .data_heading = "De gegevens",
        .data = {"Mensen", "In de personenlijst", "Verkiesbaar als champion",
                 "Interacties meegeteld", "Teams", "Interacties met zichzelf weggelaten",
                 "Interacties buiten het venster", "Banden over en weer"},
        .caveats_heading = "Kanttekeningen",
        .sampled = "Bruggen slaan is geschat uit een steekproef van %s van de %s mensen.",
        .linear = " Het aandeel van elke bron in een pad is gewogen naar hoe ver iemand erop "
                  "staat (lineaire schaling).",
        .exact = "Bruggen slaan is exact berekend.",
        .confidence_used = "De plaatsen zijn getoetst op %s bootstrap-steekproeven van de "
                           "interacties.",
        .warning_intro = "De bibliotheek waarschuwt:",
        .footer = "Gemaakt met champions %s. Het leest wie met wie contact had, wanneer en hoe "
                  "vaak; nooit wat er gezegd is.",
        .months = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                   "september", "oktober", "november", "december"},
        .quarter = "K%d %d",
    },
};

/* Colours of the criteria (Okabe and Ito's, told apart with colour
 * blindness), each with at least 3:1 contrast against white. */
static const char *const COLOUR[CHAMP_CRITERION_COUNT] = {"#0072b2", "#b35c00", "#00795c",
                                                          "#b3478c", "#5a5a5a"};

static const char STYLE[] =
    ":root{color-scheme:light;--ink:#1b1b1b;--muted:#555;--rule:#d6d6d6;--band:#f4f4f4}"
    "*{box-sizing:border-box}"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica "
    "Neue\",Arial,sans-serif;color:var(--ink);background:#fff}"
    "main{max-width:64rem;margin:0 auto;padding:1.5rem 1rem 3rem}"
    "h1{font-size:1.8rem;margin:0 0 .25rem}h2{font-size:1.3rem;margin:2.2rem 0 .6rem;"
    "border-bottom:1px solid var(--rule);padding-bottom:.2rem}"
    "p{margin:.4rem 0;max-width:48rem}.muted{color:var(--muted)}"
    ".wrap{overflow-x:auto}"
    "table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.95rem}"
    "th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--rule);"
    "vertical-align:top}"
    "th{font-weight:600;background:var(--band)}tbody th{background:none}td.n,th.n{text-align:right;"
    "font-variant-numeric:tabular-nums;white-space:nowrap}"
    "td.why{min-width:16rem}td.team{min-width:5rem}td.bar{min-width:11rem}.bar svg{width:10rem;margin-top:.3rem}.id{font-weight:600;overflow-wrap:anywhere}"
    ".flag{display:inline-block;border:1px solid #8a1c1c;color:#8a1c1c;border-radius:.2rem;"
    "padding:0 .3rem;font-size:.8rem;margin:.1rem .2rem 0 0}"
    "svg{display:block;max-width:100%;height:auto}"
    ".legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0;margin:.4rem 0;"
    "font-size:.9rem}.legend li{display:flex;align-items:center;gap:.35rem}"
    ".sw{width:.9rem;height:.9rem;display:inline-block;border-radius:.1rem}"
    ".status{font-size:1.1rem;font-weight:600;padding:.5rem .75rem;border-left:.35rem solid;"
    "background:var(--band)}.status.ok{border-color:#00795c}.status.off{border-color:#b35c00}"
    "dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem;margin:.5rem 0}"
    "dt{color:var(--muted)}dd{margin:0;font-variant-numeric:tabular-nums}"
    "footer{margin-top:3rem;font-size:.85rem;color:var(--muted)}"
    "@media (max-width:40rem){body{font-size:15px}"
    ".cards thead{position:absolute;left:-9999px}"
    ".cards tr{display:block;border-bottom:1px solid var(--rule);padding:.5rem 0}"
    ".cards td,.cards th{display:inline-block;border:0;padding:.1rem .5rem .1rem 0}"
    ".cards td.why,.cards td.bar{display:block;min-width:0}"
    ".cards td[data-label]::before{content:attr(data-label) \": \";color:var(--muted)}}"
    "@media print{@page{size:A4;margin:15mm}body{font-size:10.5pt}main{max-width:none;"
    "padding:0}h2{break-after:avoid}tr,figure,.status,svg{break-inside:avoid}"
    "th{background:none}.wrap{overflow:visible}}";

/* ---- output helpers --------------------------------------------------------- */

typedef struct report_job {
    const champ_ranking *r;
    const champ_tracking *t;
    const champ_goal *goal;
    champ_language language;
    const words *w;
    double baseline, latest, progress;
    int on_track;
    char *text; /* the explanations' buffer */
    size_t text_cap;
} report_job;

/* Text escaped for HTML, in content and in quoted attributes alike. */
static void put_html(champ_out *o, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': champ__out_puts(o, "&amp;"); break;
        case '<': champ__out_puts(o, "&lt;"); break;
        case '>': champ__out_puts(o, "&gt;"); break;
        case '"': champ__out_puts(o, "&quot;"); break;
        case '\'': champ__out_puts(o, "&#39;"); break;
        default: champ__out_putc(o, *s);
        }
    }
}

/* A format with its arguments, then escaped. Words and numbers are short;
 * ids and team names are not cut: a longer text is formatted again into a
 * buffer of its size. */
static void CHAMP_PRINTF(2, 3) put_fmt(champ_out *o, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        put_html(o, small);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        champ__out_nomem(o);
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put_html(o, big);
    free(big);
}

static const char *num(char *buf, double x, const report_job *job)
{
    return champ__number_text(buf, x, job->language);
}

/* A share as a whole percent ("71%"). */
static const char *percent(char *buf, double share, const report_job *job)
{
    char n[CHAMP_NUMBER_TEXT_MAX];
    snprintf(buf, CHAMP_NUMBER_TEXT_MAX, "%s%%", num(n, round(100 * share), job));
    return buf;
}

/* "30 June 2027" (UTC); a time past the calendar in Unix seconds. */
#define DATE_MAX 64
#define YEAR_1 (-62135596800.0)    /* 0001-01-01T00:00:00Z */
#define YEAR_10000 253402300800.0  /* 10000-01-01T00:00:00Z */

/* t as a calendar date, when it falls in the years 1 to 9999 (into tm). */
static int calendar(double t, struct tm *tm)
{
    if (!(t >= YEAR_1 && t < YEAR_10000))
        return 0;
    time_t s = (time_t)floor(t);
    return gmtime_r(&s, tm) != NULL;
}

/* A time outside the calendar, as the Unix seconds it is. */
static const char *seconds(char *buf, double t)
{
    snprintf(buf, DATE_MAX, "%.6g s", t);
    return buf;
}

static const char *date(char *buf, double t, const report_job *job)
{
    struct tm tm;
    if (!calendar(t, &tm))
        return seconds(buf, t);
    snprintf(buf, DATE_MAX, "%d %s %d", tm.tm_mday, job->w->months[tm.tm_mon],
             tm.tm_year + 1900);
    return buf;
}

/* A period's name by its start: "March 2026", "Q1 2026", or the week's
 * first day. */
static const char *period_label(char *buf, double since, const report_job *job)
{
    struct tm tm;
    if (!calendar(since, &tm))
        return seconds(buf, since);
    switch (champ_tracking_period(job->t)) {
    case CHAMP_PERIOD_MONTH:
        snprintf(buf, DATE_MAX, "%s %d", job->w->months[tm.tm_mon], tm.tm_year + 1900);
        return buf;
    case CHAMP_PERIOD_QUARTER:
        snprintf(buf, DATE_MAX, job->w->quarter, tm.tm_mon / 3 + 1, tm.tm_year + 1900);
        return buf;
    default:
        return date(buf, since, job);
    }
}

/* ---- the sections -------------------------------------------------------------- */

static size_t eligible_count(const champ_ranking *r)
{
    return (size_t)r->summary[CHAMP_SUMMARY_ELIGIBLE];
}

static size_t shown(const report_job *job)
{
    size_t e = eligible_count(job->r), top = job->r->top;
    return top && top < e ? top : e;
}

static void put_head(champ_out *o, const report_job *job)
{
    champ__out_puts(o, "<!DOCTYPE html>\n<html lang=\"");
    champ__out_puts(o, champ_language_name(job->language));
    champ__out_puts(o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                       "'none'; style-src 'unsafe-inline'\">\n"
                       "<meta name=\"generator\" content=\"champions ");
    put_html(o, champ_version());
    champ__out_puts(o, "\">\n<title>");
    put_html(o, job->w->title);
    champ__out_puts(o, "</title>\n<style>");
    champ__out_puts(o, STYLE);
    champ__out_puts(o, "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>");
    put_html(o, job->w->title);
    champ__out_puts(o, "</h1>\n<p class=\"muted\">");
    const champ_ranking *r = job->r;
    char a[DATE_MAX], b[DATE_MAX];
    if (!isnan(r->since) || !isnan(r->until))
        put_fmt(o, job->w->span_window, isnan(r->since) ? "\xe2\x80\xa6" : date(a, r->since, job),
                isnan(r->until) ? "\xe2\x80\xa6" : date(b, r->until, job));
    else if (!isnan(r->first_time))
        put_fmt(o, job->w->span, date(a, r->first_time, job), date(b, r->last_time, job));
    else
        put_html(o, job->w->untimed);
    champ__out_puts(o, "</p>\n</header>\n");
}

static void put_method(champ_out *o, const report_job *job)
{
    const champ_ranking *r = job->r;
    const words *w = job->w;
    char list[1024] = "", n1[CHAMP_NUMBER_TEXT_MAX], n2[CHAMP_NUMBER_TEXT_MAX];
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
        char item[256], pct[CHAMP_NUMBER_TEXT_MAX];
        snprintf(item, sizeof item, "%s%s %s", c ? ", " : "", w->criterion[c],
                 percent(pct, r->weight[c], job));
        strncat(list, item, sizeof list - strlen(list) - 1);
    }
    champ__out_puts(o, "<section id=\"method\">\n<h2>");
    put_html(o, w->method_heading);
    champ__out_puts(o, "</h2>\n<p>");
    put_fmt(o, w->method, list, num(n1, (double)eligible_count(r), job),
            num(n2, r->summary[CHAMP_SUMMARY_PEOPLE], job));
    if (r->scenario >= 0 && r->scenario < CHAMP_SCENARIO_COUNT) {
        champ__out_putc(o, ' ');
        put_fmt(o, w->scenario_is, w->scenario[r->scenario]);
    }
    champ__out_puts(o, "</p>\n<ul class=\"legend\" aria-hidden=\"true\">");
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
        champ__out_puts(o, "<li><span class=\"sw\" style=\"background:");
        champ__out_puts(o, COLOUR[c]);
        champ__out_puts(o, "\"></span>");
        put_html(o, w->criterion[c]);
        champ__out_puts(o, "</li>");
    }
    champ__out_puts(o, "</ul>\n</section>\n");
}

/* The score as a bar of the criteria's parts (weight x percentile), on a
 * scale of 0 to 1; its text alternative names every part. */
static void put_score_bar(champ_out *o, const report_job *job, uint32_t v)
{
    const champ_ranking *r = job->r;
    char n[CHAMP_NUMBER_TEXT_MAX], label[1024];
    int len = snprintf(label, sizeof label, job->w->score_label, num(n, round(100 * r->score[v]), job));
    for (int c = 0; c < CHAMP_CRITERION_COUNT && len > 0 && (size_t)len < sizeof label; c++)
        len += snprintf(label + len, sizeof label - (size_t)len, "%s %s %s",
                        c ? "," : "", job->w->criterion[c],
                        num(n, round(100 * r->weight[c] * r->pct[c][v]), job));
    champ__out_puts(o, num(n, round(100 * r->score[v]), job));
    champ__out_puts(o, "<svg viewBox=\"0 0 200 16\" width=\"200\" height=\"16\" role=\"img\" "
                       "aria-label=\"");
    put_html(o, label);
    champ__out_puts(o, "\"><rect x=\"0\" y=\"2\" width=\"200\" height=\"12\" fill=\"#eee\"/>");
    double x = 0;
    for (int c = 0; c < CHAMP_CRITERION_COUNT; c++) {
        double part = 200 * r->weight[c] * r->pct[c][v];
        if (!(part > 0))
            continue;
        char buf[160];
        snprintf(buf, sizeof buf,
                 "<rect x=\"%.2f\" y=\"2\" width=\"%.2f\" height=\"12\" fill=\"%s\"/>", x, part,
                 COLOUR[c]);
        champ__out_puts(o, buf);
        x += part;
    }
    champ__out_puts(o, "</svg>");
}

static void put_champions(champ_out *o, report_job *job)
{
    const champ_ranking *r = job->r;
    const words *w = job->w;
    size_t count = shown(job);
    char n[CHAMP_NUMBER_TEXT_MAX], m[CHAMP_NUMBER_TEXT_MAX];
    champ__out_puts(o, "<section id=\"champions\">\n<h2>");
    put_fmt(o, w->top_heading, num(n, (double)count, job));
    champ__out_puts(o, "</h2>\n");
    if (!count) {
        champ__out_puts(o, "<p>");
        put_html(o, w->nobody);
        champ__out_puts(o, "</p>\n</section>\n");
        return;
    }
    champ__out_puts(o, "<p>");
    put_html(o, w->top_intro);
    champ__out_puts(o, " ");
    if (r->resamples)
        put_fmt(o, w->tier_note, num(n, (double)r->resamples, job));
    else
        put_html(o, w->no_confidence);
    champ__out_puts(o, "</p>\n<div class=\"wrap\"><table class=\"cards\">\n<thead><tr>"
                       "<th class=\"n\" scope=\"col\">");
    put_html(o, w->col_rank);
    if (r->resamples) {
        champ__out_puts(o, "</th><th class=\"n\" scope=\"col\">");
        put_html(o, w->col_likely);
    }
    champ__out_puts(o, "</th><th scope=\"col\">");
    put_html(o, w->col_person);
    champ__out_puts(o, "</th><th scope=\"col\">");
    put_html(o, w->col_team);
    champ__out_puts(o, "</th><th scope=\"col\">");
    put_html(o, w->col_score);
    champ__out_puts(o, "</th><th scope=\"col\">");
    put_html(o, w->col_why);
    champ__out_puts(o, "</th></tr></thead>\n<tbody>\n");
    int any_flag = 0;
    for (size_t i = 0; i < count && !o->stopped; i++) {
        uint32_t v = r->order[i];
        champ__out_puts(o, "<tr><td class=\"n\">");
        champ__out_puts(o, num(n, (double)r->rank[v], job));
        if (r->resamples) {
            champ__out_puts(o, "</td><td class=\"n\" data-label=\"");
            put_html(o, w->col_likely);
            champ__out_puts(o, "\">");
            char low[CHAMP_NUMBER_TEXT_MAX];
            put_fmt(o, w->likely, num(low, (double)r->rank_low[v], job),
                    num(m, (double)r->rank_high[v], job));
        }
        champ__out_puts(o, "</td><th scope=\"row\" class=\"id\">");
        put_html(o, champ_strtab_get(&r->ids, r->order[i]));
        champ__out_puts(o, "</th><td class=\"team\">");
        const char *team = r->team[v] == CHAMP_NONE ? "" : champ_strtab_get(&r->teams, r->team[v]);
        put_html(o, team);
        champ__out_puts(o, "</td><td class=\"bar\">");
        put_score_bar(o, job, v);
        champ__out_puts(o, "</td><td class=\"why\">");
        size_t len = 0;
        if (champ__explain_into(r, v, job->language, &job->text, &job->text_cap, &len)) {
            champ__out_nomem(o);
            break;
        }
        put_html(o, job->text);
        for (int f = 0; f < CHAMP_FLAG_COUNT; f++)
            if (r->flags[v] & (1u << f)) {
                champ__out_puts(o, f == 0 || !(r->flags[v] & ((1u << f) - 1)) ? "<br>" : "");
                champ__out_puts(o, "<span class=\"flag\" title=\"");
                put_html(o, champ_flag_description((champ_flag)f));
                champ__out_puts(o, "\">");
                put_html(o, champ_flag_name((champ_flag)f));
                champ__out_puts(o, "</span>");
                any_flag = 1;
            }
        champ__out_puts(o, "</td></tr>\n");
    }
    champ__out_puts(o, "</tbody>\n</table></div>\n");
    if (any_flag) {
        champ__out_puts(o, "<p class=\"muted\">");
        put_html(o, w->flags_note);
        champ__out_puts(o, "</p>\n");
    }
    champ__out_puts(o, "</section>\n");
}

static const char *row_name(const report_job *job, size_t k)
{
    uint32_t team = job->r->team_row[k];
    return team == CHAMP_TEAM_POOL      ? job->w->pool_name
           : team == CHAMP_TEAM_NO_TEAM ? job->w->no_team_name
                                        : champ_ranking_team_name(job->r, k);
}

static void put_cell(champ_out *o, double x, const report_job *job)
{
    char n[CHAMP_NUMBER_TEXT_MAX];
    champ__out_puts(o, "<td class=\"n\">");
    put_html(o, isnan(x) ? job->w->withheld : num(n, x, job));
    champ__out_puts(o, "</td>");
}

static void put_teams(champ_out *o, const report_job *job)
{
    const champ_ranking *r = job->r;
    const words *w = job->w;
    size_t rows = r->team_rows;
    if (!rows)
        return;
    double *cell = malloc(3 * rows * sizeof *cell);
    if (!cell) {
        champ__out_nomem(o);
        return;
    }
    champ_ranking_team_table(r, 0, CHAMP_TEAM_LISTED, cell);
    champ_ranking_team_table(r, 0, CHAMP_TEAM_ELIGIBLE, cell + rows);
    champ_ranking_team_table(r, shown(job), CHAMP_TEAM_CHAMPIONS, cell + 2 * rows);
    char n[CHAMP_NUMBER_TEXT_MAX], m[CHAMP_NUMBER_TEXT_MAX];
    champ__out_puts(o, "<section id=\"teams\">\n<h2>");
    put_html(o, w->teams_heading);
    champ__out_puts(o, "</h2>\n<p>");
    put_fmt(o, w->teams_intro, num(n, (double)shown(job), job));
    champ__out_puts(o, " ");
    put_fmt(o, w->pool_rule, num(n, (double)r->min_group_size, job), w->pool_name,
            num(m, (double)r->min_group_size, job));
    champ__out_puts(o, "</p>\n<div class=\"wrap\"><table>\n<thead><tr><th scope=\"col\">");
    put_html(o, w->col_team);
    const char *cols[3] = {w->col_listed, w->col_eligible, w->col_champions};
    for (int c = 0; c < 3; c++) {
        champ__out_puts(o, "</th><th class=\"n\" scope=\"col\">");
        put_html(o, cols[c]);
    }
    champ__out_puts(o, "</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < rows; k++) {
        champ__out_puts(o, "<tr><th scope=\"row\">");
        put_html(o, row_name(job, k));
        champ__out_puts(o, "</th>");
        for (int c = 0; c < 3; c++)
            put_cell(o, cell[c * rows + k], job);
        champ__out_puts(o, "</tr>\n");
    }
    champ__out_puts(o, "</tbody>\n</table></div>\n</section>\n");
    free(cell);
}

/* ---- the programme ----------------------------------------------------------- */

/* The KPI the chart follows: the goal's, else the active people. */
static double kpi_at(const report_job *job, size_t i)
{
    return job->goal ? champ__goal_value(job->goal, job->t, i)
                     : champ_tracking_kpi(job->t, i, CHAMP_KPI_ACTIVE_PEOPLE);
}

static const char *kpi_label(const report_job *job)
{
    const champ_goal *g = job->goal;
    if (!g)
        return job->w->kpi[CHAMP_KPI_ACTIVE_PEOPLE];
    return g->summary ? champ_summary_item_name((champ_summary_item)g->index)
                      : job->w->kpi[g->index];
}

/* A round step for about four gridlines up to top. */
static double nice_step(double top)
{
    double raw = top / 4, magnitude = pow(10, floor(log10(raw)));
    double f = raw / magnitude;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * magnitude;
}

enum { CW = 640, CH = 260, ML = 56, MR = 16, MT = 16, MB = 40 };

typedef struct chart {
    double x0, x1, y1; /* time from x0 to x1; values from 0 to y1 */
} chart;

static double cx(const chart *c, double t)
{
    return ML + (CW - ML - MR) * (t - c->x0) / (c->x1 - c->x0);
}

static double cy(const chart *c, double y)
{
    return MT + (CH - MT - MB) * (1 - y / c->y1);
}

static void put_line(champ_out *o, double x1, double y1, double x2, double y2, const char *style)
{
    char buf[200];
    snprintf(buf, sizeof buf, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" %s/>", x1,
             y1, x2, y2, style);
    champ__out_puts(o, buf);
}

static void put_text(champ_out *o, double x, double y, const char *anchor, const char *s)
{
    char buf[120];
    snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
    champ__out_puts(o, buf);
    put_html(o, s);
    champ__out_puts(o, "</text>");
}

static void put_chart(champ_out *o, const report_job *job, double trend_end)
{
    const champ_tracking *t = job->t;
    size_t periods = champ_tracking_count(t);
    chart c = {champ_tracking_since(t, 0), champ_tracking_since(t, periods - 1), 0};
    double top = 0;
    for (size_t i = 0; i < periods; i++)
        if (kpi_at(job, i) > top)
            top = kpi_at(job, i);
    if (job->goal) {
        double target = champ_goal_target(job->goal), deadline = champ_goal_deadline(job->goal);
        top = target > top ? target : top;
        top = trend_end > top ? trend_end : top;
        c.x1 = deadline > c.x1 ? deadline : c.x1;
    }
    if (!(c.x1 > c.x0))
        c.x1 = c.x0 + 1;
    double step = nice_step(top > 0 ? top : 1);
    c.y1 = ceil((top > 0 ? top : 1) / step) * step;
    char a[DATE_MAX], b[DATE_MAX], n[CHAMP_NUMBER_TEXT_MAX], label[512];
    snprintf(label, sizeof label, job->w->chart_label, kpi_label(job),
             period_label(a, champ_tracking_since(t, 0), job),
             period_label(b, champ_tracking_since(t, periods - 1), job));
    champ__out_puts(o, "<figure>\n<svg viewBox=\"0 0 640 260\" width=\"640\" height=\"260\" "
                       "role=\"img\" aria-labelledby=\"kpi-title\" font-size=\"12\" "
                       "fill=\"#1b1b1b\"><title id=\"kpi-title\">");
    put_html(o, label);
    champ__out_puts(o, "</title>");
    for (int k = 0; k <= 8 && k * step <= c.y1 + step / 2; k++) { /* about 4 gridlines */
        double y = k * step;
        put_line(o, ML, cy(&c, y), CW - MR, cy(&c, y), "stroke=\"#d6d6d6\"");
        put_text(o, ML - 6, cy(&c, y) + 4, "end", num(n, y, job));
    }
    put_text(o, ML, CH - 12, "start", period_label(a, c.x0, job));
    put_text(o, CW - MR, CH - 12, "end",
             job->goal ? date(b, c.x1, job) : period_label(b, c.x1, job));
    if (job->goal) {
        double target = champ_goal_target(job->goal);
        put_line(o, ML, cy(&c, target), CW - MR, cy(&c, target),
                 "stroke=\"#00795c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"");
        char tl[160];
        snprintf(tl, sizeof tl, "%s %s", job->w->target_label, num(n, target, job));
        put_text(o, CW - MR, cy(&c, target) - 6, "end", tl);
        if (!isnan(trend_end)) {
            size_t from = champ_goal_baseline_period(job->goal);
            double x = champ_tracking_since(t, from);
            double y = champ__goal_trend_at(job->goal, t, from, x);
            put_line(o, cx(&c, x), cy(&c, y), cx(&c, c.x1), cy(&c, trend_end),
                     "stroke=\"#b35c00\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"");
            put_text(o, cx(&c, c.x1) - 4, cy(&c, trend_end) + 14, "end", job->w->trend_label);
        }
    }
    champ__out_puts(o, "<polyline fill=\"none\" stroke=\"#0072b2\" stroke-width=\"2.5\" "
                       "points=\"");
    for (size_t i = 0; i < periods; i++) {
        double y = kpi_at(job, i);
        if (isnan(y))
            continue;
        char p[64];
        snprintf(p, sizeof p, "%.1f,%.1f ", cx(&c, champ_tracking_since(t, i)), cy(&c, y));
        champ__out_puts(o, p);
    }
    champ__out_puts(o, "\"/>");
    for (size_t i = 0; i < periods; i++) {
        double y = kpi_at(job, i);
        if (isnan(y))
            continue;
        char p[96];
        snprintf(p, sizeof p, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#0072b2\"/>",
                 cx(&c, champ_tracking_since(t, i)), cy(&c, y));
        champ__out_puts(o, p);
    }
    champ__out_puts(o, "</svg>\n</figure>\n");
}

/* The values behind the chart, as a table: the chart's text alternative. */
static void put_kpi_table(champ_out *o, const report_job *job)
{
    const champ_tracking *t = job->t;
    char a[DATE_MAX], n[CHAMP_NUMBER_TEXT_MAX];
    champ__out_puts(o, "<div class=\"wrap\"><table>\n<thead><tr><th scope=\"col\">");
    put_html(o, job->w->col_period);
    champ__out_puts(o, "</th><th class=\"n\" scope=\"col\">");
    char head[128];
    snprintf(head, sizeof head, "%s", kpi_label(job));
    if (head[0] >= 'a' && head[0] <= 'z') /* a label starts a sentence here */
        head[0] = (char)(head[0] - 'a' + 'A');
    put_html(o, head);
    champ__out_puts(o, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < champ_tracking_count(t); i++) {
        double y = kpi_at(job, i);
        champ__out_puts(o, "<tr><th scope=\"row\">");
        put_html(o, period_label(a, champ_tracking_since(t, i), job));
        champ__out_puts(o, "</th><td class=\"n\">");
        put_html(o, isnan(y) ? "\xe2\x80\x93" : num(n, round(y * 100) / 100, job));
        champ__out_puts(o, "</td></tr>\n");
    }
    champ__out_puts(o, "</tbody>\n</table></div>\n");
}

static void put_goal(champ_out *o, const report_job *job, double trend_end)
{
    const champ_goal *g = job->goal;
    const words *w = job->w;
    champ__out_puts(o, "<h3>");
    put_fmt(o, w->goal_is, champ_goal_name(g));
    champ__out_puts(o, "</h3>\n");
    const char *said[3] = {champ_goal_what(g), champ_goal_who(g), champ_goal_why(g)};
    const char *term[3] = {w->goal_what, w->goal_who, w->goal_why};
    if (said[0] || said[1] || said[2]) {
        champ__out_puts(o, "<dl>");
        for (int k = 0; k < 3; k++)
            if (said[k]) {
                champ__out_puts(o, "<dt>");
                put_html(o, term[k]);
                champ__out_puts(o, "</dt><dd>");
                put_html(o, said[k]);
                champ__out_puts(o, "</dd>");
            }
        champ__out_puts(o, "</dl>\n");
    }
    char a[CHAMP_NUMBER_TEXT_MAX], b[CHAMP_NUMBER_TEXT_MAX], c[CHAMP_NUMBER_TEXT_MAX],
        d[DATE_MAX];
    champ__out_puts(o, job->on_track ? "<p class=\"status ok\" id=\"goal-status\">"
                                     : "<p class=\"status off\" id=\"goal-status\">");
    put_fmt(o, w->status, job->on_track ? w->on_track : w->off_track,
            num(a, round(job->latest * 100) / 100, job),
            num(b, champ_goal_target(g), job), kpi_label(job),
            num(c, round(job->baseline * 100) / 100, job));
    if (!isnan(trend_end))
        put_fmt(o, w->trend, num(a, round(trend_end), job), date(d, champ_goal_deadline(g), job));
    champ__out_puts(o, "</p>\n");
}

static void put_rising(champ_out *o, const report_job *job)
{
    const champ_tracking *t = job->t;
    size_t last = champ_tracking_count(t) - 1, count = champ_tracking_rising_count(t, last);
    char a[DATE_MAX], n[CHAMP_NUMBER_TEXT_MAX], m[CHAMP_NUMBER_TEXT_MAX];
    champ__out_puts(o, "<h3>");
    put_fmt(o, job->w->rising_heading, period_label(a, champ_tracking_since(t, last), job));
    champ__out_puts(o, "</h3>\n");
    if (!count) {
        champ__out_puts(o, "<p>");
        put_html(o, job->w->rising_none);
        champ__out_puts(o, "</p>\n");
        return;
    }
    champ__out_puts(o, "<ul id=\"rising\">\n");
    for (size_t k = 0; k < count; k++) {
        size_t rank = 0, before = 0;
        const char *id = champ_tracking_rising(t, last, k, &rank, &before);
        champ__out_puts(o, "<li><span class=\"id\">");
        put_html(o, id);
        champ__out_puts(o, "</span>: ");
        if (before)
            put_fmt(o, job->w->rising_rank, num(n, (double)rank, job), num(m, (double)before, job));
        else
            put_fmt(o, job->w->rising_new, num(n, (double)rank, job));
        champ__out_puts(o, "</li>\n");
    }
    champ__out_puts(o, "</ul>\n");
}

static void put_programme(champ_out *o, const report_job *job)
{
    const champ_tracking *t = job->t;
    if (!t || !champ_tracking_count(t))
        return;
    double trend_end = NAN;
    if (job->goal)
        trend_end = champ__goal_trend_at(job->goal, t, champ_goal_baseline_period(job->goal),
                                         champ_goal_deadline(job->goal));
    champ__out_puts(o, "<section id=\"programme\">\n<h2>");
    put_html(o, job->w->programme_heading);
    champ__out_puts(o, "</h2>\n<p class=\"muted\">");
    put_fmt(o, job->w->per_period, job->w->period_name[champ_tracking_period(t)]);
    champ__out_puts(o, "</p>\n");
    if (job->goal)
        put_goal(o, job, trend_end);
    put_chart(o, job, trend_end);
    put_kpi_table(o, job);
    put_rising(o, job);
    champ__out_puts(o, "</section>\n");
}

/* ---- the data ----------------------------------------------------------------- */

static void put_data(champ_out *o, const report_job *job)
{
    const champ_ranking *r = job->r;
    const words *w = job->w;
    const double *s = r->summary;
    char n[CHAMP_NUMBER_TEXT_MAX];
    double figures[8] = {s[CHAMP_SUMMARY_PEOPLE],       s[CHAMP_SUMMARY_LISTED],
                         s[CHAMP_SUMMARY_ELIGIBLE],     s[CHAMP_SUMMARY_INTERACTIONS],
                         s[CHAMP_SUMMARY_TEAMS],        s[CHAMP_SUMMARY_DROPPED_SELF],
                         s[CHAMP_SUMMARY_DROPPED_WINDOW], s[CHAMP_SUMMARY_RECIPROCITY]};
    champ__out_puts(o, "<section id=\"data\">\n<h2>");
    put_html(o, w->data_heading);
    champ__out_puts(o, "</h2>\n<dl>");
    for (int k = 0; k < 8; k++) {
        if (isnan(figures[k]) || (k >= 5 && k <= 6 && figures[k] == 0))
            continue;
        champ__out_puts(o, "<dt>");
        put_html(o, w->data[k]);
        champ__out_puts(o, "</dt><dd>");
        put_html(o, k == 7 ? percent(n, figures[k], job) : num(n, figures[k], job));
        champ__out_puts(o, "</dd>");
    }
    champ__out_puts(o, "</dl>\n<h3>");
    put_html(o, w->caveats_heading);
    champ__out_puts(o, "</h3>\n<ul id=\"caveats\">\n<li>");
    char m[CHAMP_NUMBER_TEXT_MAX];
    if (champ_ranking_bridging_exact(r))
        put_html(o, w->exact);
    else
        put_fmt(o, w->sampled, num(n, (double)champ_ranking_bridging_sources(r), job),
                num(m, s[CHAMP_SUMMARY_PEOPLE], job));
    if (champ_ranking_bridging_estimate(r) == CHAMP_ESTIMATE_LINEAR)
        put_html(o, w->linear);
    champ__out_puts(o, "</li>\n<li>");
    if (r->resamples)
        put_fmt(o, w->confidence_used, num(n, (double)r->resamples, job));
    else
        put_html(o, w->no_confidence);
    champ__out_puts(o, "</li>\n");
    size_t warnings = champ_ranking_warning_count(r);
    if (warnings) {
        champ__out_puts(o, "<li>");
        put_html(o, w->warning_intro);
        champ__out_puts(o, "<ul>\n");
        for (size_t k = 0; k < warnings; k++) {
            champ__out_puts(o, "<li>");
            put_html(o, champ_ranking_warning(r, k, NULL));
            champ__out_puts(o, "</li>\n");
        }
        champ__out_puts(o, "</ul></li>\n");
    }
    champ__out_puts(o, "</ul>\n</section>\n");
}

static void report_body(champ_out *o, void *arg)
{
    report_job *job = arg;
    put_head(o, job);
    put_method(o, job);
    put_champions(o, job);
    put_teams(o, job);
    put_programme(o, job);
    put_data(o, job);
    champ__out_puts(o, "<footer><p>");
    put_fmt(o, job->w->footer, champ_version());
    champ__out_puts(o, "</p></footer>\n</main>\n</body>\n</html>\n");
}

/* Arguments checked and the goal's status taken: the job in *job. */
static champ_status report_job_of(report_job *job, const champ_ranking *r,
                                  const champ_tracking *t, const champ_goal *goal,
                                  champ_language language, int has_out)
{
    const char *fn = "champ_report_write";
    if (!r || !has_out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: %s is NULL", fn, r ? "the output" : "ranking");
    if ((unsigned)language >= CHAMP_LANGUAGE_COUNT)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: no language %d", fn, (int)language);
    if (goal && !t)
        return champ__fail(CHAMP_ERR_ARGUMENT, "%s: a goal needs a tracking to stand on", fn);
    *job = (report_job){r, t, goal, language, &WORDS[language], NAN, NAN, NAN, 0, NULL, 0};
    if (goal && champ_tracking_count(t))
        return champ_goal_status(goal, t, &job->baseline, &job->latest, &job->progress,
                                 &job->on_track);
    return CHAMP_OK;
}

champ_status champ_report_write_to(const champ_ranking *r, const champ_tracking *t,
                                   const champ_goal *goal, champ_language language,
                                   champ_write_fn fn, void *user)
{
    report_job job = {0};
    champ_status st = report_job_of(&job, r, t, goal, language, fn != NULL);
    if (!st)
        st = champ__write(fn, user, report_body, &job);
    free(job.text);
    return st;
}

champ_status champ_report_write(const champ_ranking *r, const champ_tracking *t,
                                const champ_goal *goal, champ_language language, FILE *stream)
{
    report_job job = {0};
    champ_status st = report_job_of(&job, r, t, goal, language, stream != NULL);
    if (!st)
        st = champ__write_stream(stream, report_body, &job);
    free(job.text);
    return st;
}
