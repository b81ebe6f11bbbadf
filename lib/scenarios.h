/* The start scenarios' presets. Private to lib/. */
#ifndef CHAMP_SCENARIOS_H
#define CHAMP_SCENARIOS_H

#include "champions.h"

/* The audience group of scenario s's reach; NULL: none (other teams). */
const char *champ__scenario_audience(champ_scenario s);

#endif
