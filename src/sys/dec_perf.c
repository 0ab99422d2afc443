/*
 * perf_event_open(2)'s struct perf_event_attr as strace 6.1 prints it: type, size, config
 * by type, the period or frequency, what is sampled and read, the flag bits (those set, and
 * precise_ip with its meaning; every one with -v), then, with -v only, the fields up to the
 * size the struct gives.  A size below the first version's shows the address; 0 is the
 * first version's.  The struct is the same bytes on every ABI (u64-aligned, bit-fields in
 * one u64), so 32-bit tracees need no layout of their own.
 */
#include <linux/perf_event.h>
#include <stddef.h>
#include <string.h>

#include "decoders.h"
#include "flags.h"

/* precise_ip's values, as strace comments them. */
static const char *const skids[] = {"arbitrary skid", "constant skid", "requested to have 0 skid",
				    "must have 0 skid"};

/* PERF_TYPE_HW_CACHE's config: [x<<24|]result<<16|op<<8|cache. */
static void perf_cache_config(struct dctx *d, struct val *v, uint64_t c)
{
	struct val *it = val_or(v, d->ar, (c >> 24) ? 4 : 3);

	if (c >> 24) {
		val_hex(it, c >> 24);
		val_lshift(it++, d->ar, 24);
	}
	val_enum(it, (c >> 16) & 0xff, &xl_perf_hw_cache_results);
	val_lshift(it++, d->ar, 16);
	val_enum(it, (c >> 8) & 0xff, &xl_perf_hw_cache_ops);
	val_lshift(it++, d->ar, 8);
	val_enum(it, c & 0xff, &xl_perf_hw_cache_ids);
}

static void perf_config(struct dctx *d, struct val *v, uint32_t type, uint64_t c)
{
	switch (type) {
	case PERF_TYPE_HARDWARE:
		if (c >> 32) {
			struct val *it = val_or(v, d->ar, 2);
			val_hex(&it[0], c >> 32);
			val_lshift(&it[0], d->ar, 32);
			val_enum(&it[1], (uint32_t)c, &xl_perf_hw_ids);
		} else {
			val_enum(v, c, &xl_perf_hw_ids);
		}
		break;
	case PERF_TYPE_SOFTWARE:
		val_enum(v, c, &xl_perf_sw_ids);
		break;
	case PERF_TYPE_HW_CACHE:
		perf_cache_config(d, v, c);
		break;
	case PERF_TYPE_TRACEPOINT:
		val_uint(v, c);
		break;
	default: /* RAW, BREAKPOINT and types the table does not name */
		val_hex(v, c);
		break;
	}
}

/* A flag bit: shown when set, or always with -v. */
static void perf_bit(struct dctx *d, struct val *st, const char *name, uint64_t bit)
{
	if (bit || d->opt->verbose)
		val_uint(st_add(st, d->ar, name), bit);
}

static void perf_bits_low(struct dctx *d, struct val *st, const struct perf_event_attr *a)
{
	perf_bit(d, st, "disabled", a->disabled);
	perf_bit(d, st, "inherit", a->inherit);
	perf_bit(d, st, "pinned", a->pinned);
	perf_bit(d, st, "exclusive", a->exclusive);
	perf_bit(d, st, "exclude_user", a->exclude_user);
	perf_bit(d, st, "exclude_kernel", a->exclude_kernel);
	perf_bit(d, st, "exclude_hv", a->exclude_hv);
	perf_bit(d, st, "exclude_idle", a->exclude_idle);
	perf_bit(d, st, "mmap", a->mmap);
	perf_bit(d, st, "comm", a->comm);
	perf_bit(d, st, "freq", a->freq);
	perf_bit(d, st, "inherit_stat", a->inherit_stat);
	perf_bit(d, st, "enable_on_exec", a->enable_on_exec);
	perf_bit(d, st, "task", a->task);
	perf_bit(d, st, "watermark", a->watermark);
	struct val *p = st_add(st, d->ar, "precise_ip");
	val_uint(p, a->precise_ip);
	val_sym(val_comment(p, d->ar), skids[a->precise_ip & 3]);
}

static void perf_bits_high(struct dctx *d, struct val *st, const struct perf_event_attr *a)
{
	perf_bit(d, st, "mmap_data", a->mmap_data);
	perf_bit(d, st, "sample_id_all", a->sample_id_all);
	perf_bit(d, st, "exclude_host", a->exclude_host);
	perf_bit(d, st, "exclude_guest", a->exclude_guest);
	perf_bit(d, st, "exclude_callchain_kernel", a->exclude_callchain_kernel);
	perf_bit(d, st, "exclude_callchain_user", a->exclude_callchain_user);
	perf_bit(d, st, "mmap2", a->mmap2);
	perf_bit(d, st, "comm_exec", a->comm_exec);
	perf_bit(d, st, "use_clockid", a->use_clockid);
	perf_bit(d, st, "context_switch", a->context_switch);
	perf_bit(d, st, "write_backward", a->write_backward);
	perf_bit(d, st, "namespaces", a->namespaces);
	perf_bit(d, st, "ksymbol", a->ksymbol);
	perf_bit(d, st, "bpf_event", a->bpf_event);
	perf_bit(d, st, "aux_output", a->aux_output);
	perf_bit(d, st, "cgroup", a->cgroup);
	perf_bit(d, st, "text_poke", a->text_poke);
	perf_bit(d, st, "build_id", a->build_id);
	perf_bit(d, st, "inherit_thread", a->inherit_thread);
	perf_bit(d, st, "remove_on_exec", a->remove_on_exec);
	perf_bit(d, st, "sigtrap", a->sigtrap);
	if (a->__reserved_1) {
		struct val *r = st_add(st, d->ar, "__reserved_1");
		val_hex(r, a->__reserved_1);
		val_sym(val_comment(r, d->ar), "Bits 63..38");
	}
}

/* A field followed by strace's note of reserved bytes that are not 0: / * bytes 110..111: 0xffff *
 * /. */
static void perf_reserved(struct dctx *d, struct val *v, const char *bytes, uint64_t x)
{
	if (!x)
		return;
	struct val *c = val_comment(v, d->ar);
	st_init(c, d->ar, 1);
	c->flags |= VALF_BARE | VALF_LABELS;
	val_hex(st_add(c, d->ar, bytes), x);
}

/* -v: wakeup, breakpoint or config1/2, and the fields of each later version the size has. */
static void perf_verbose(struct dctx *d, struct val *st, const struct perf_event_attr *a,
			 uint32_t size)
{
	val_uint(st_add(st, d->ar, a->watermark ? "wakeup_watermark" : "wakeup_events"),
		 a->wakeup_events);
	if (a->type == PERF_TYPE_BREAKPOINT) {
		val_flags(st_add(st, d->ar, "bp_type"), a->bp_type, &xl_perf_bp_types);
		val_hex(st_add(st, d->ar, "bp_addr"), a->bp_addr);
		if (size >= PERF_ATTR_SIZE_VER1)
			val_uint(st_add(st, d->ar, "bp_len"), a->bp_len);
	} else {
		val_hex(st_add(st, d->ar, "config1"), a->config1);
		if (size >= PERF_ATTR_SIZE_VER1)
			val_hex(st_add(st, d->ar, "config2"), a->config2);
	}
	if (size >= PERF_ATTR_SIZE_VER2 && (a->sample_type & PERF_SAMPLE_BRANCH_STACK))
		val_flags(st_add(st, d->ar, "branch_sample_type"), a->branch_sample_type,
			  &xl_perf_branch_types);
	if (size >= PERF_ATTR_SIZE_VER3) {
		val_hex(st_add(st, d->ar, "sample_regs_user"), a->sample_regs_user);
		if (a->sample_type & PERF_SAMPLE_STACK_USER)
			val_hex(st_add(st, d->ar, "sample_stack_user"), a->sample_stack_user);
		if (a->use_clockid)
			val_enum(st_add(st, d->ar, "clockid"), (uint32_t)a->clockid, &xl_clocks);
	}
	if (size >= PERF_ATTR_SIZE_VER4)
		val_hex(st_add(st, d->ar, "sample_regs_intr"), a->sample_regs_intr);
	if (size >= PERF_ATTR_SIZE_VER5) {
		val_uint(st_add(st, d->ar, "aux_watermark"), a->aux_watermark);
		struct val *m = st_add(st, d->ar, "sample_max_stack");
		val_uint(m, a->sample_max_stack);
		perf_reserved(d, m, "bytes 110..111:", a->__reserved_2);
	}
	if (size >= PERF_ATTR_SIZE_VER6) {
		struct val *s = st_add(st, d->ar, "aux_sample_size");
		val_uint(s, a->aux_sample_size);
		perf_reserved(d, s, "bytes 116..119:", a->__reserved_3);
	}
	if (size >= PERF_ATTR_SIZE_VER7)
		val_hex(st_add(st, d->ar, "sig_data"), a->sig_data);
	if (size > sizeof(*a))
		st->flags |= VALF_TRUNC;
}

static void perf_attr(struct dctx *d, struct val *v, const struct perf_event_attr *a, uint32_t size)
{
	st_init(v, d->ar, 80);
	val_enum(st_add(v, d->ar, "type"), a->type, &xl_perf_types);
	struct val *sz = st_add(v, d->ar, "size");
	val_enum(sz, a->size, &xl_perf_attr_sizes);
	sz->flags |= VALF_HEXFLAGS;
	perf_config(d, st_add(v, d->ar, "config"), a->type, a->config);
	val_uint(st_add(v, d->ar, a->freq ? "sample_freq" : "sample_period"), a->sample_period);
	val_flags(st_add(v, d->ar, "sample_type"), a->sample_type, &xl_perf_sample_types);
	val_flags(st_add(v, d->ar, "read_format"), a->read_format, &xl_perf_read_formats);
	perf_bits_low(d, v, a);
	perf_bits_high(d, v, a);
	if (d->opt->verbose)
		perf_verbose(d, v, a, size);
	else
		v->flags |= VALF_ABBREV;
}

void dec_perf_event_open(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 0);
	struct perf_event_attr a;
	uint32_t hdr[2];

	if (exiting)
		return;
	if (!dec_fetch(d, &ev->args[0], addr, hdr, sizeof(hdr)))
		return;
	uint32_t size = hdr[1] ? hdr[1] : PERF_ATTR_SIZE_VER0;
	if (size < PERF_ATTR_SIZE_VER0)
		return; /* the address, as the generic decoding left it */
	memset(&a, 0, sizeof(a));
	if (!dec_fetch(d, &ev->args[0], addr, &a, size < sizeof(a) ? size : sizeof(a)))
		return;
	perf_attr(d, &ev->args[0], &a, size);
}
