/* The method's four start scenarios: each one's name, the audience group
 * its reach counts (none: other teams) and its sentence, in one table.
 * The options apply the presets (options.c: every scenario's champions
 * come from the default champion group); the demo and the bindings ask
 * for the names and sentences here. */
#include "scenarios.h"

#include <stddef.h>

static const struct {
    const char *name, *audience, *description;
} SCENARIOS[CHAMP_SCENARIO_COUNT] = {
    [CHAMP_SCENARIO_COLLEAGUES] = {"colleagues", NULL,
        "Collaboration between colleagues and partners: reach counts the other teams a "
        "person is in touch with (a partner organisation counts as a team)."},
    [CHAMP_SCENARIO_RECRUITMENT] = {"recruitment", "candidate",
        "Recruitment: reach counts the potential colleagues (audience group \"candidate\") "
        "a person is in touch with."},
    [CHAMP_SCENARIO_CITIZENS] = {"citizens", "citizen",
        "Contact with citizens: reach counts the citizens (audience group \"citizen\") a "
        "person is in touch with."},
    [CHAMP_SCENARIO_VISITORS] = {"visitors", "visitor",
        "Contact with people who may settle in or visit the region (prospective "
        "residents, businesses, tourists): reach counts them (audience group \"visitor\")."},
};

static int known(champ_scenario s)
{
    return (unsigned)s < CHAMP_SCENARIO_COUNT;
}

const char *champ_scenario_name(champ_scenario s)
{
    return known(s) ? SCENARIOS[s].name : NULL;
}

const char *champ_scenario_description(champ_scenario s)
{
    return known(s) ? SCENARIOS[s].description : NULL;
}

const char *champ__scenario_audience(champ_scenario s)
{
    return known(s) ? SCENARIOS[s].audience : NULL;
}
