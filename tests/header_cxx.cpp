// The public header as a C++ service sees it (built with -std=c++11
// -pedantic -Werror): it compiles, the names link through extern "C", and a
// whole read -> rank -> read back round works, its errors included.
// Usage: header_cxx EXPORT.json
#include <champions.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

static int failures = 0;

static void check(bool ok, const std::string &what)
{
    if (!ok) {
        std::fprintf(stderr, "FAIL: %s (last error: %s)\n", what.c_str(), champ_last_error());
        failures++;
    }
}

static int cancel_at_ranking(void *, const char *phase, double)
{
    return std::strcmp(phase, "ranking") == 0; // nonzero: stop
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: header_cxx EXPORT.json\n");
        return 2;
    }
    check(std::strcmp(champ_version(), CHAMP_VERSION_STRING) == 0, "version");

    champ_network *net = nullptr;
    check(champ_network_read_file(argv[1], &net) == CHAMP_OK, "read the export");
    champ_options *opts = nullptr;
    check(champ_options_new(&opts) == CHAMP_OK, "options");
    check(champ_options_set_weight(opts, CHAMP_ACTIVITY, -1) == CHAMP_ERR_ARGUMENT,
          "a negative weight is refused");
    check(std::strlen(champ_last_error()) > 0, "with a message");

    champ_ranking *r = nullptr;
    check(champ_rank(net, opts, &r) == CHAMP_OK, "rank");
    if (r) {
        check(champ_ranking_count(r) == champ_network_person_count(net), "everyone ranked");
        check(champ_ranking_rank(r, 0) == 1, "the first is rank 1");
        double total = 0;
        for (int c = 0; c < CHAMP_CRITERION_COUNT; c++)
            total += champ_ranking_weight(r, static_cast<champ_criterion>(c));
        check(std::fabs(total - 1) < 1e-12, "the weights sum to 1");
        size_t at = 0;
        check(champ_ranking_find(r, champ_ranking_id(r, 0), &at) == CHAMP_OK && at == 0,
              "find the first by id");
    }
    champ_ranking_free(r);

    champ_ranking *stopped = nullptr;
    check(champ_options_set_progress(opts, cancel_at_ranking, nullptr) == CHAMP_OK, "progress");
    check(champ_rank(net, opts, &stopped) == CHAMP_ERR_CANCELLED && stopped == nullptr,
          "cancelled from a C++ callback");

    champ_network *bad = nullptr;
    const char text[] = "{\"people\": [}";
    check(champ_network_read_json(text, sizeof text - 1, &bad) == CHAMP_ERR_PARSE && !bad,
          "a parse error, no network");
    check(std::string(champ_last_error()).find("line 1") != std::string::npos,
          "the message names the line");

    champ_options_free(opts);
    champ_network_free(net);
    if (failures == 0)
        std::printf("header as C++: all checks passed\n");
    return failures ? 1 : 0;
}
