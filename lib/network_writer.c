/* The network written back as an export (SPEC 2): the JSON document or
 * JSON Lines, whatever form it was read from. It holds what a ranking
 * reads and nothing else: ids, teams, groups, times, types and weights. */
#include "network.h"
#include "errors.h"
#include "out.h"
#include "timeparse.h"

#include <math.h>
#include <string.h>

typedef struct network_job {
    const champ_network *net;
    int lines; /* JSON Lines */
} network_job;

static void put_key(champ_out *o, const char *key)
{
    champ__out_puts(o, ",\"");
    champ__out_puts(o, key);
    champ__out_puts(o, "\":");
}

/* A time in whole seconds of the years 0000-9999 as RFC 3339, any other
 * as its number: either reads back to the same double. */
static void put_time(champ_out *o, double t)
{
    if (t == floor(t) && t >= CHAMP_TIME_MIN && t < CHAMP_TIME_MAX) {
        char text[CHAMP_TIME_TEXT_MAX];
        champ__format_time(text, t);
        champ__out_json_string(o, text);
    } else {
        champ__out_number(o, t);
    }
}

static void put_person(champ_out *o, const champ_network *net, uint32_t v)
{
    champ__out_puts(o, "{\"id\":");
    champ__out_json_string(o, champ_strtab_get(&net->ids, v));
    if (net->team[v] != CHAMP_NONE) {
        put_key(o, "team");
        champ__out_json_string(o, champ_strtab_get(&net->teams, net->team[v]));
    }
    if (net->group[v] != CHAMP_GROUP_STAFF) {
        put_key(o, "group");
        champ__out_json_string(o, champ_strtab_get(&net->groups, net->group[v]));
    }
    champ__out_putc(o, '}');
}

static void put_interaction(champ_out *o, const champ_network *net, size_t i)
{
    champ__out_puts(o, "{\"from\":");
    champ__out_json_string(o, champ_strtab_get(&net->ids, net->from[i]));
    put_key(o, "to");
    champ__out_json_string(o, champ_strtab_get(&net->ids, net->to[i]));
    if (!isnan(net->time[i])) {
        put_key(o, "time");
        put_time(o, net->time[i]);
    }
    const char *type = champ_strtab_get(&net->types, net->type[i]);
    if (strcmp(type, "message") != 0) {
        put_key(o, "type");
        champ__out_json_string(o, type);
    }
    if (net->weight[i] != 1) {
        put_key(o, "weight");
        champ__out_number(o, net->weight[i]);
    }
    champ__out_putc(o, '}');
}

static void network_body(champ_out *o, void *arg)
{
    const network_job *job = arg;
    const champ_network *net = job->net;
    const char *between = job->lines ? "\n" : ",";
    size_t written = 0; /* lines so far, or items of the JSON array */
    if (!job->lines)
        champ__out_puts(o, net->has_people ? "{\"people\":[" : "{\"interactions\":[");
    if (net->has_people) {
        for (uint32_t v = 0; v < net->ids.count; v++) {
            if (net->group[v] == CHAMP_NONE)
                continue; /* unlisted: in the interactions only */
            if (written++)
                champ__out_puts(o, between);
            put_person(o, net, v);
        }
        if (!job->lines) {
            champ__out_puts(o, "],\"interactions\":[");
            written = 0;
        }
    }
    for (size_t i = 0; i < net->interactions; i++) {
        if (written++)
            champ__out_puts(o, between);
        put_interaction(o, net, i);
    }
    champ__out_puts(o, job->lines ? "\n" : "]}\n");
}

/* Arguments checked; the job in *job. */
static champ_status network_job_of(network_job *job, const champ_network *net, champ_input form,
                                   int has_out)
{
    if (!net || !has_out)
        return champ__fail(CHAMP_ERR_ARGUMENT, "champ_network_write: %s is NULL",
                           net ? "the output" : "network");
    if (form != CHAMP_INPUT_JSON && form != CHAMP_INPUT_JSONL)
        return champ__fail(CHAMP_ERR_ARGUMENT,
                           "champ_network_write: a network is written as json or jsonl, not %s",
                           champ_input_name(form) ? champ_input_name(form) : "that");
    *job = (network_job){net, form == CHAMP_INPUT_JSONL};
    return CHAMP_OK;
}

champ_status champ_network_write_to(const champ_network *net, champ_input form,
                                    champ_write_fn fn, void *user)
{
    network_job job;
    champ_status st = network_job_of(&job, net, form, fn != NULL);
    return st ? st : champ__write(fn, user, network_body, &job);
}

champ_status champ_network_write(const champ_network *net, champ_input form, FILE *stream)
{
    network_job job;
    champ_status st = network_job_of(&job, net, form, stream != NULL);
    return st ? st : champ__write_stream(stream, network_body, &job);
}
