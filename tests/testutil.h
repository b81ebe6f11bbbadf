/* Small helpers shared by the Check suites. */
#ifndef CHAMP_TESTUTIL_H
#define CHAMP_TESTUTIL_H

#include <check.h>
#include <locale.h>
#include <stdio.h>
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

/* A comma-decimal locale: an installed one, or de_DE compiled by localedef
 * (package `locales`) into a scratch folder that LOCPATH points at. */
static inline const char *comma_locale(void)
{
    static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
                                        "fr_FR.utf8", "nl_NL.UTF-8", "ru_RU.UTF-8"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (setlocale(LC_ALL, names[i]))
            return names[i];
    char dir[] = "/tmp/champ-locale-XXXXXX", cmd[256];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "localedef -i de_DE -f UTF-8 %s/de_DE.UTF-8 >/dev/null 2>&1", dir);
    (void)system(cmd); /* exits 1 on mere warnings: judge by setlocale below */
    setenv("LOCPATH", dir, 1);
    const char *found = setlocale(LC_ALL, "de_DE.UTF-8") ? "de_DE.UTF-8" : NULL;
    ck_assert_msg(found, "no comma-decimal locale and localedef could not build de_DE "
                         "(install the Debian package 'locales')");
    return found;
}

#endif
