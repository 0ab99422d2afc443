/* A crash report as a typed value, for the JSON "crash" event. */
#include <string.h>

#include "crash/crash.h"
#include "crash/maps.h"
#include "arch/regs.h"
#include "crash/sigcode.h"

static void cstr(struct val *v, struct arena *a, const char *s)
{
	if (s)
		val_str(v, a, s, (uint32_t)strlen(s), false);
	else
		val_ptr(v, 0);
}

static void registers(struct val *v, struct arena *a, const struct crash_report *r)
{
	if (!r->layout) {
		val_ptr(v, 0);
		return;
	}
	val_struct(v, a, (uint32_t)r->layout->nregs);
	for (size_t i = 0; i < r->layout->nregs; i++)
		val_hex(val_field(v, a, (uint32_t)i, r->layout->regs[i].name), r->regs[i]);
}

static void strings(struct val *v, struct arena *a, const char *const *s, size_t n)
{
	struct val *items = val_array(v, a, (uint32_t)n);

	for (size_t i = 0; i < n; i++)
		cstr(&items[i], a, s[i]);
}

static void map_lines(struct val *v, struct arena *a, const struct crash_report *r)
{
	struct val *items = val_array(v, a, (uint32_t)r->nmaps);

	for (size_t i = 0; i < r->nmaps; i++) {
		val_struct(&items[i], a, 2);
		cstr(val_field(&items[i], a, 0, "why"), a, r->maps[i].why);
		cstr(val_field(&items[i], a, 1, "line"), a, r->maps[i].line);
	}
}

void crash_report_val(const struct crash_report *r, struct arena *a, struct val *out)
{
	uint32_t i = 0;

	val_struct(out, a, 10);
	cstr(val_field(out, a, i++, "cmdline"), a, r->cmdline);
	cstr(val_field(out, a, i++, "si_code"), a, crash_code_name(r->signo, r->code));
	if (r->has_addr)
		val_hex(val_field(out, a, i++, "addr"), r->addr);
	cstr(val_field(out, a, i++, "fault"), a, r->fault_text);
	val_hex(val_field(out, a, i++, "pc"), r->pc);
	val_hex(val_field(out, a, i++, "sp"), r->sp);
	registers(val_field(out, a, i++, "registers"), a, r);
	cstr(val_field(out, a, i++, "source_line"), a, r->src_text);
	strings(val_field(out, a, i++, "last_syscalls"), a, r->last, r->nlast);
	map_lines(val_field(out, a, i++, "maps"), a, r);
	out->n = i;
}
