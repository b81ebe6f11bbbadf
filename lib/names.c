/* The names of the public enums' values: the one place where "reciprocity",
 * "cross_team_share" or "no_teams" is spelled. The writers, the demo and
 * the bindings ask for them here. (The scenarios' names sit with their
 * presets, in scenarios.c; the flags' with their rules, in flags.c.) */
#include "champions.h"

#include <stddef.h>

#define NAME_OF(table, value) \
    ((unsigned)(value) < sizeof(table) / sizeof *(table) ? (table)[(unsigned)(value)] : NULL)

const char *champ_criterion_name(champ_criterion c)
{
    static const char *const names[CHAMP_CRITERION_COUNT] = {
        [CHAMP_RECIPROCITY] = "reciprocity", [CHAMP_REACH] = "reach",
        [CHAMP_BRIDGING] = "bridging",       [CHAMP_INFLUENCE] = "influence",
        [CHAMP_ACTIVITY] = "activity"};
    return NAME_OF(names, c);
}

const char *champ_diagnostic_name(champ_diagnostic d)
{
    static const char *const names[CHAMP_DIAGNOSTIC_COUNT] = {
        [CHAMP_RECEIVED] = "received", [CHAMP_TIES] = "ties", [CHAMP_MUTUAL] = "mutual",
        [CHAMP_CROSS_SHARE] = "cross_share"};
    return NAME_OF(names, d);
}

const char *champ_summary_item_name(champ_summary_item item)
{
    static const char *const names[CHAMP_SUMMARY_ITEM_COUNT] = {
        [CHAMP_SUMMARY_PEOPLE] = "people",
        [CHAMP_SUMMARY_LISTED] = "listed",
        [CHAMP_SUMMARY_ELIGIBLE] = "eligible",
        [CHAMP_SUMMARY_INTERACTIONS] = "interactions",
        [CHAMP_SUMMARY_DROPPED_SELF] = "dropped_self",
        [CHAMP_SUMMARY_DROPPED_WINDOW] = "dropped_window",
        [CHAMP_SUMMARY_TIES] = "ties",
        [CHAMP_SUMMARY_MUTUAL_TIES] = "mutual_ties",
        [CHAMP_SUMMARY_RECIPROCITY] = "reciprocity",
        [CHAMP_SUMMARY_TEAMS] = "teams",
        [CHAMP_SUMMARY_CROSS_TEAM_SHARE] = "cross_team_share",
        [CHAMP_SUMMARY_DROPPED_ZERO] = "dropped_zero"};
    return NAME_OF(names, item);
}

const char *champ_format_name(champ_format format)
{
    static const char *const names[CHAMP_FORMAT_COUNT] = {
        [CHAMP_FORMAT_JSON] = "json", [CHAMP_FORMAT_CSV] = "csv", [CHAMP_FORMAT_GEXF] = "gexf",
        [CHAMP_FORMAT_GRAPHML] = "graphml"};
    return NAME_OF(names, format);
}

const char *champ_input_name(champ_input input)
{
    static const char *const names[CHAMP_INPUT_COUNT] = {
        [CHAMP_INPUT_DETECT] = "detect",   [CHAMP_INPUT_JSON] = "json",
        [CHAMP_INPUT_JSONL] = "jsonl",     [CHAMP_INPUT_CSV] = "csv",
        [CHAMP_INPUT_VIVA_P2P] = "viva-p2p", [CHAMP_INPUT_SLACK] = "slack",
        [CHAMP_INPUT_VIVA_ENGAGE] = "viva-engage"};
    return NAME_OF(names, input);
}

const char *champ_warning_name(champ_warning warning)
{
    static const char *const names[CHAMP_WARNING_COUNT] = {
        [CHAMP_WARN_UNREAD_MEMBERS] = "unread_members",
        [CHAMP_WARN_NO_TEAMS] = "no_teams",
        [CHAMP_WARN_NO_AUDIENCE] = "no_audience",
        [CHAMP_WARN_NO_CHAMPION_GROUP] = "no_champion_group",
        [CHAMP_WARN_UNUSED_TYPE_WEIGHT] = "unused_type_weight",
        [CHAMP_WARN_EMPTY_WINDOW] = "empty_window",
        [CHAMP_WARN_UNTIMED] = "untimed",
        [CHAMP_WARN_NO_ELIGIBLE] = "no_eligible",
        [CHAMP_WARN_ONE_DIRECTION] = "one_direction",
        [CHAMP_WARN_FEW_ELIGIBLE] = "few_eligible",
        [CHAMP_WARN_UNSTABLE_TOP] = "unstable_top",
        [CHAMP_WARN_NO_TIE_DEPTH] = "no_tie_depth"};
    return NAME_OF(names, warning);
}

const char *champ_estimate_name(champ_estimate estimate)
{
    static const char *const names[CHAMP_ESTIMATE_COUNT] = {
        [CHAMP_ESTIMATE_PIVOTS] = "pivots", [CHAMP_ESTIMATE_LINEAR] = "linear"};
    return NAME_OF(names, estimate);
}

const char *champ_period_name(champ_period period)
{
    static const char *const names[CHAMP_PERIOD_COUNT] = {
        [CHAMP_PERIOD_WEEK] = "week", [CHAMP_PERIOD_MONTH] = "month",
        [CHAMP_PERIOD_QUARTER] = "quarter"};
    return NAME_OF(names, period);
}

const char *champ_kpi_name(champ_kpi kpi)
{
    static const char *const names[CHAMP_KPI_COUNT] = {
        [CHAMP_KPI_ACTIVE_PEOPLE] = "active_people",
        [CHAMP_KPI_CHAMPION_RECIPROCITY] = "champion_reciprocity",
        [CHAMP_KPI_CHAMPION_REACH] = "champion_reach",
        [CHAMP_KPI_AUDIENCE_REACHED] = "audience_reached",
        [CHAMP_KPI_RETAINED] = "retained"};
    return NAME_OF(names, kpi);
}

const char *champ_language_name(champ_language language)
{
    static const char *const names[CHAMP_LANGUAGE_COUNT] = {[CHAMP_LANGUAGE_EN] = "en",
                                                                [CHAMP_LANGUAGE_NL] = "nl"};
    return NAME_OF(names, language);
}

const char *champ_team_item_name(champ_team_item item)
{
    static const char *const names[CHAMP_TEAM_ITEM_COUNT] = {
        [CHAMP_TEAM_LISTED] = "listed", [CHAMP_TEAM_ELIGIBLE] = "eligible",
        [CHAMP_TEAM_CHAMPIONS] = "champions", [CHAMP_TEAM_TEAMS] = "teams"};
    return NAME_OF(names, item);
}
