/* Small helpers shared by the Check suites. */
#ifndef CHAMP_TESTUTIL_H
#define CHAMP_TESTUTIL_H

#include <check.h>
#include <stdlib.h>

/* Run one suite and return the process exit status. */
static inline int champ_test_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
