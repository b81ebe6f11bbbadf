/* A minimal HR-tool client, built against the installed library. */
#include <champions.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    champ_network *net = NULL;
    champ_ranking *ranking = NULL;
    if (argc != 2)
        return 2;
    if (strcmp(champ_version(), CHAMP_VERSION_STRING) != 0) {
        fprintf(stderr, "header %s, library %s\n", CHAMP_VERSION_STRING, champ_version());
        return 1;
    }
    if (champ_network_read_file(argv[1], &net) != CHAMP_OK ||
        champ_rank(net, NULL, &ranking) != CHAMP_OK) {
        fprintf(stderr, "%s\n", champ_last_error());
        champ_network_free(net);
        return 1;
    }
    printf("champion: %s (score %.3f) among %zu people\n", champ_ranking_id(ranking, 0),
           champ_ranking_score(ranking, 0), champ_ranking_count(ranking));
    champ_ranking_free(ranking);
    champ_network_free(net);
    return 0;
}
