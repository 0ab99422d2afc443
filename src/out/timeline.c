/* Trace Event objects (timeline.h): the fields the format documents, nothing else. */
#include "timeline.h"

#include "json.h"

void timeline_begin(struct strbuf *sb)
{
	strbuf_adds(sb, "[\n");
}

static void add_us(struct strbuf *sb, const char *key, double us)
{
	strbuf_addf(sb, ",\"%s\":%.3f", key, us < 0 ? 0.0 : us);
}

void timeline_event(struct strbuf *sb, const struct tl_event *e, bool first)
{
	if (!first)
		strbuf_adds(sb, ",\n");
	strbuf_adds(sb, "{\"name\":");
	json_cstr(sb, e->name ? e->name : "?");
	if (e->cat) {
		strbuf_adds(sb, ",\"cat\":");
		json_cstr(sb, e->cat);
	}
	strbuf_addf(sb, ",\"ph\":\"%c\"", e->ph);
	if (e->ph != 'M')
		add_us(sb, "ts", e->ts_us);
	if (e->ph == 'X')
		add_us(sb, "dur", e->dur_us);
	if (e->ph == 'i')
		strbuf_addf(sb, ",\"s\":\"%c\"", e->scope ? e->scope : 't');
	strbuf_addf(sb, ",\"pid\":%d,\"tid\":%d", e->pid, e->tid);
	if (e->arg_key) {
		strbuf_adds(sb, ",\"args\":{");
		json_cstr(sb, e->arg_key);
		strbuf_addc(sb, ':');
		json_cstr(sb, e->arg_val ? e->arg_val : "");
		strbuf_addc(sb, '}');
	}
	strbuf_addc(sb, '}');
}

void timeline_end(struct strbuf *sb)
{
	strbuf_adds(sb, "\n]\n");
}
