/* Arrays as JSON (docs/json.md, "Values"): plain ones, and those shown with their indexes. */
#include <inttypes.h>

#include "../sys/xlat.h"
#include "json.h"

static void sep(struct strbuf *sb, bool *first)
{
	if (!*first)
		strbuf_addc(sb, ',');
	*first = false;
}

/* [...]; a cut array {"items": [...], "truncated": true}; one that ends at memory that
 * could not be read {"items": [...], "unreadable": "0x7f..."} (its VAL_UNREAD last item). */
static void json_array(struct strbuf *sb, const struct val *v)
{
	bool trunc = v->flags & VALF_TRUNC;
	const struct val *unread =
		v->n && v->items[v->n - 1].kind == VAL_UNREAD ? &v->items[v->n - 1] : NULL;
	uint32_t n = unread ? v->n - 1 : v->n;

	if (trunc || unread)
		strbuf_adds(sb, "{\"items\":");
	strbuf_addc(sb, '[');
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			strbuf_addc(sb, ',');
		json_val(sb, &v->items[i]);
	}
	strbuf_addc(sb, ']');
	if (trunc)
		strbuf_adds(sb, ",\"truncated\":true");
	if (unread)
		strbuf_addf(sb, ",\"unreadable\":\"0x%" PRIx64 "\"", unread->u);
	if (trunc || unread)
		strbuf_addc(sb, '}');
}

/* {"IO_WQ_BOUND": 4, "2": 9}: each item by the name of its index, or its number; a cut one
 * adds "...": true, one that ran into memory ptrc cannot read "unreadable": "0x7f...". */
static void json_indexed(struct strbuf *sb, const struct val *v)
{
	const struct val *unread = NULL;
	bool first = true;

	strbuf_addc(sb, '{');
	for (uint32_t i = 0; i < v->n; i++) {
		const struct val *it = &v->idx.items[i];
		const char *name = v->idx.tab ? xlat_name(v->idx.tab, i) : NULL;
		if (it->kind == VAL_UNREAD) {
			unread = it;
			continue;
		}
		sep(sb, &first);
		if (name)
			json_cstr(sb, name);
		else
			strbuf_addf(sb, "\"%u\"", (unsigned)i);
		strbuf_addc(sb, ':');
		json_val(sb, it);
	}
	if (v->flags & VALF_TRUNC) {
		sep(sb, &first);
		strbuf_adds(sb, "\"...\":true");
	}
	if (unread) {
		sep(sb, &first);
		strbuf_addf(sb, "\"unreadable\":\"0x%" PRIx64 "\"", unread->u);
	}
	strbuf_addc(sb, '}');
}

void json_list_val(struct strbuf *sb, const struct val *v)
{
	if (v->kind == VAL_INDEXED)
		json_indexed(sb, v);
	else
		json_array(sb, v);
}
