#include "value.h"

#include <string.h>

static void set(struct val *v, enum val_kind kind)
{
	memset(v, 0, sizeof(*v));
	v->kind = (uint8_t)kind;
}

void val_int(struct val *v, int64_t x)
{
	set(v, VAL_INT);
	v->i = x;
}

void val_uint(struct val *v, uint64_t x)
{
	set(v, VAL_UINT);
	v->u = x;
}

void val_hex(struct val *v, uint64_t x)
{
	set(v, VAL_HEX);
	v->u = x;
}

void val_oct(struct val *v, uint64_t x)
{
	set(v, VAL_OCT);
	v->u = x;
}

void val_ptr(struct val *v, uint64_t addr)
{
	set(v, VAL_PTR);
	v->u = addr;
}

void val_fd(struct val *v, int64_t fd)
{
	set(v, VAL_FD);
	v->i = fd;
}

void val_pid(struct val *v, int64_t pid)
{
	set(v, VAL_PID);
	v->pid.num = pid;
}

void val_sig(struct val *v, int64_t sig)
{
	set(v, VAL_SIG);
	v->i = sig;
}

void val_sym(struct val *v, const char *static_text)
{
	set(v, VAL_SYM);
	v->text = static_text;
}

void val_flags(struct val *v, uint64_t bits, const struct xlat *tab)
{
	set(v, VAL_FLAGS);
	v->fl.bits = bits;
	v->fl.tab = tab;
}

void val_enum(struct val *v, uint64_t x, const struct xlat *tab)
{
	set(v, VAL_ENUM);
	v->fl.bits = x;
	v->fl.tab = tab;
}

void val_str(struct val *v, struct arena *a, const char *bytes, uint32_t len, bool trunc)
{
	set(v, VAL_STR);
	v->bytes = len ? arena_strndup(a, bytes, len) : "";
	v->n = len;
	if (trunc)
		v->flags |= VALF_TRUNC;
}

struct val *val_or(struct val *v, struct arena *a, uint32_t n)
{
	set(v, VAL_OR);
	v->n = n;
	v->items = arena_zalloc(a, sizeof(struct val) * (n ? n : 1));
	return v->items;
}

struct val *val_alts(struct val *v, struct arena *a, uint32_t n)
{
	struct val *items = val_or(v, a, n);

	v->kind = VAL_ALTS;
	return items;
}

struct field *val_struct(struct val *v, struct arena *a, uint32_t n)
{
	set(v, VAL_STRUCT);
	v->n = n;
	v->fields = arena_zalloc(a, sizeof(struct field) * (n ? n : 1));
	return v->fields;
}

struct val *val_field(struct val *st, struct arena *a, uint32_t i, const char *name)
{
	st->fields[i].name = name;
	st->fields[i].v = arena_zalloc(a, sizeof(struct val));
	return st->fields[i].v;
}

struct val *val_array(struct val *v, struct arena *a, uint32_t n)
{
	set(v, VAL_ARRAY);
	v->n = n;
	v->items = arena_zalloc(a, sizeof(struct val) * (n ? n : 1));
	return v->items;
}

void val_index_by(struct val *v, const struct xlat *tab)
{
	if (v->kind != VAL_ARRAY)
		return;
	v->kind = VAL_INDEXED;
	v->idx.tab = tab;
}

void val_change(struct val *v, struct arena *a, const struct val *before, const struct val *after)
{
	struct val *pair = arena_alloc(a, 2 * sizeof(*pair));

	pair[0] = *before;
	pair[1] = *after;
	set(v, VAL_CHANGE);
	v->change.before = &pair[0];
	v->change.after = &pair[1];
}

struct val *val_comment(struct val *v, struct arena *a)
{
	struct val *pair = arena_zalloc(a, 2 * sizeof(*pair));

	pair[0] = *v;
	set(v, VAL_COMMENT);
	v->comment.v = &pair[0];
	v->comment.comment = &pair[1];
	return &pair[1];
}

void val_sigset(struct val *v, struct arena *a, const void *mask, uint32_t nbytes)
{
	uint8_t *copy = arena_alloc(a, nbytes ? nbytes : 1);

	memcpy(copy, mask, nbytes);
	set(v, VAL_SIGSET);
	v->set.mask = copy;
	v->set.nbytes = nbytes;
}

struct val *val_note(struct val *v, struct arena *a)
{
	struct val *pair = arena_zalloc(a, 2 * sizeof(*pair));

	pair[0] = *v;
	set(v, VAL_NOTE);
	v->note.v = &pair[0];
	v->note.note = &pair[1];
	return &pair[1];
}

void val_resuming(struct val *v, const char *static_name)
{
	set(v, VAL_RESUMING);
	v->text = static_name;
}

void val_hex_width(struct val *v, uint64_t x, unsigned width, bool prefix)
{
	val_hex(v, x);
	v->n = width;
	if (!prefix)
		v->flags |= VALF_NOPREFIX;
}

void val_call(struct val *v, struct arena *a, const char *fn, uint32_t n)
{
	set(v, VAL_CALL);
	v->n = n;
	v->call.fields = arena_zalloc(a, sizeof(struct field) * (n ? n : 1));
	v->call.fn = fn;
}

void val_ipaddr(struct val *v, struct arena *a, const void *addr, uint32_t len)
{
	set(v, VAL_IPADDR);
	v->bytes = arena_strndup(a, addr, len);
	v->n = len;
}

void val_wstatus(struct val *v, int status)
{
	set(v, VAL_WSTATUS);
	v->i = status;
}

void val_rlim(struct val *v, uint64_t lim, bool is64, bool infinity)
{
	set(v, VAL_RLIM);
	v->u = lim;
	v->flags = (uint16_t)((is64 ? VALF_RLIM64 : 0) | (infinity ? VALF_INFINITY : 0));
}

void val_count(struct val *v, uint64_t n, const char *one, const char *many)
{
	val_count_ended(v, n, one, many, VAL_COUNT_EXACT);
}

void val_count_ended(struct val *v, uint64_t n, const char *one, const char *many, uint32_t ended)
{
	set(v, VAL_COUNT);
	v->n = ended;
	v->count.n = n;
	v->count.one = one;
	v->count.many = many;
}

void val_date(struct val *v, int64_t sec, uint32_t nsec)
{
	set(v, VAL_DATE);
	v->date.sec = sec;
	v->date.nsec = nsec;
}

void val_date_usec(struct val *v, int64_t sec, uint32_t usec)
{
	val_date(v, sec, usec * 1000);
	v->n = 6; /* digits of the fraction; 0 is nanoseconds' 9 */
}

void val_ticks(struct val *v, uint64_t ticks)
{
	set(v, VAL_TICKS);
	v->u = ticks;
}

void val_sysno(struct val *v, int64_t nr, const char *static_name)
{
	set(v, VAL_SYSNO);
	v->sysno.nr = nr;
	v->sysno.name = static_name;
}

void val_ifindex(struct val *v, struct arena *a, uint64_t idx, const char *name)
{
	set(v, VAL_IFINDEX);
	v->ifx.num = idx;
	v->ifx.name = name ? arena_strndup(a, name, strlen(name)) : NULL;
}

void val_hwaddr(struct val *v, struct arena *a, const void *bytes, uint32_t n)
{
	set(v, VAL_HWADDR);
	v->bytes = arena_strndup(a, bytes, n);
	v->n = n;
}

void val_errno(struct val *v, int64_t err)
{
	set(v, VAL_ERRNO);
	v->i = err;
}

void val_unread(struct val *v, uint64_t addr)
{
	set(v, VAL_UNREAD);
	v->u = addr;
}

void val_shift(struct val *v, uint64_t x, unsigned shift, const char *static_name)
{
	set(v, VAL_SHIFT);
	v->n = shift;
	v->shift.x = x;
	v->shift.name = static_name;
}

void val_lshift(struct val *v, struct arena *a, unsigned shift)
{
	struct val *inner = arena_alloc(a, sizeof(*inner));

	*inner = *v;
	set(v, VAL_LSHIFT);
	v->n = shift;
	v->lshifted = inner;
}

void val_useroff(struct val *v, uint64_t off, uint8_t form, const char *name, uint32_t start,
		 uint8_t word)
{
	set(v, VAL_USEROFF);
	v->uo.off = off;
	v->uo.form = form;
	v->uo.name = name;
	v->uo.start = start;
	v->uo.word = word;
}

struct val *val_child(const struct val *v, unsigned i)
{
	switch (v->kind) {
	case VAL_LSHIFT:
		return i == 0 ? v->lshifted : NULL;
	case VAL_STRUCT:
	case VAL_CALL:
		return i < v->n ? v->fields[i].v : NULL;
	case VAL_ARRAY:
	case VAL_INDEXED:
	case VAL_OR:
	case VAL_ALTS:
		return i < v->n ? &v->items[i] : NULL;
	case VAL_CHANGE:
		return i == 0 ? v->change.before : i == 1 ? v->change.after : NULL;
	case VAL_COMMENT:
		return i == 0 ? v->comment.v : i == 1 ? v->comment.comment : NULL;
	case VAL_NOTE:
		return i == 0 ? v->note.v : i == 1 ? v->note.note : NULL;
	default:
		return NULL;
	}
}
