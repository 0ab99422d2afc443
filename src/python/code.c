/*
 * Code objects and the strings they name, read from the tracee and cached:
 * a stack reads each frame's code object header (one read), and the file
 * name, function name and line table only the first time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/xalloc.h"

enum {
	PY_STR_MAX = 4096,	/* longer names are cut: a path or a qualname is never this long */
	PY_TABLE_MAX = 1 << 20, /* a bigger line table is not one a compiler made */
	PY_CODES_MAX = 1 << 16, /* code objects cached per process before the cache starts over */
};

uint64_t py_word(const uint8_t *buf, int off)
{
	uint64_t v;

	memcpy(&v, buf + off, sizeof(v));
	return v;
}

int py_int(const uint8_t *buf, int off)
{
	int v;

	memcpy(&v, buf + off, sizeof(v));
	return v;
}

/* Appends code point cp to out as UTF-8; out has room for 4 bytes. */
static size_t put_utf8(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 63));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 63));
		out[2] = (char)(0x80 | (cp & 63));
		return 3;
	}
	if (cp > 0x10ffff)
		cp = 0xfffd;
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 63));
	out[2] = (char)(0x80 | ((cp >> 6) & 63));
	out[3] = (char)(0x80 | (cp & 63));
	return 4;
}

/* PyASCIIObject.state: interned:2, kind:3, compact:1, ascii:1 in every supported version. */
#define STATE_KIND(s) (((s) >> 2) & 7)
#define STATE_COMPACT(s) (((s) >> 5) & 1)
#define STATE_ASCII(s) (((s) >> 6) & 1)

const char *py_read_str(struct py_proc *pp, uint64_t obj, struct arena *ar, size_t max)
{
	const struct py_layout *l = &pp->lay;
	uint8_t hdr[128];

	if (!obj || (size_t)l->unicode_compact_data > sizeof(hdr) ||
	    tmem_read(&pp->mem, obj, hdr, (size_t)l->unicode_ascii_data) < 0)
		return NULL;
	int64_t len = (int64_t)py_word(hdr, l->unicode_length);
	unsigned state;
	memcpy(&state, hdr + l->unicode_state, sizeof(state));
	unsigned kind = STATE_KIND(state);
	if (len < 0 || !STATE_COMPACT(state) || (kind != 1 && kind != 2 && kind != 4))
		return NULL; /* a legacy (non-compact) string: never a code object's name */
	size_t n = (size_t)len < max ? (size_t)len : max;
	uint64_t data = obj + (uint64_t)(STATE_ASCII(state) ? l->unicode_ascii_data
							    : l->unicode_compact_data);
	uint8_t *raw = xmalloc(n * kind + 1);
	char *out = NULL;
	if (tmem_read(&pp->mem, data, raw, n * kind) < 0)
		goto out_free;
	out = arena_alloc(ar, n * 4 + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t cp;
		if (kind == 1)
			cp = raw[i];
		else if (kind == 2)
			cp = (uint32_t)raw[2 * i] | (uint32_t)raw[2 * i + 1] << 8;
		else
			memcpy(&cp, raw + 4 * i, 4);
		o += put_utf8(out + o, cp);
	}
	out[o] = '\0';
out_free:
	free(raw);
	return out;
}

/* A bytes object's contents, copied into ar; NULL when unreadable or too big. */
static const uint8_t *read_bytes(struct py_proc *pp, uint64_t obj, struct arena *ar, size_t *n)
{
	const struct py_layout *l = &pp->lay;
	uint64_t size;

	if (!obj || tmem_read_word(&pp->mem, 8, obj + (uint64_t)l->bytes_size, &size) < 0 ||
	    size > PY_TABLE_MAX)
		return NULL;
	uint8_t *buf = arena_alloc(ar, size ? size : 1);
	if (size && tmem_read(&pp->mem, obj + (uint64_t)l->bytes_data, buf, size) < 0)
		return NULL;
	*n = size;
	return buf;
}

static void codes_reset(struct py_codes *c, size_t cap)
{
	free(c->v);
	arena_free(&c->strings);
	c->v = xcalloc(cap, sizeof(*c->v));
	c->cap = cap;
	c->used = 0;
}

void py_codes_free(struct py_codes *c)
{
	free(c->v);
	arena_free(&c->strings);
	memset(c, 0, sizeof(*c));
}

static struct py_code *slot_of(struct py_codes *c, uint64_t addr)
{
	size_t mask = c->cap - 1;
	uint64_t h = addr >> 4;

	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask)
		if (c->v[i].addr == addr || !c->v[i].addr)
			return &c->v[i];
}

/* Doubles the table, or starts over when it holds too much. */
static void codes_grow(struct py_codes *c)
{
	if (!c->cap || c->used >= PY_CODES_MAX) {
		codes_reset(c, 256);
		return;
	}
	struct py_code *old = c->v;
	size_t ocap = c->cap;
	c->v = xcalloc(ocap * 2, sizeof(*c->v));
	c->cap = ocap * 2;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].addr)
			*slot_of(c, old[i].addr) = old[i];
	free(old);
}

const struct py_code *py_code_get(struct py_proc *pp, uint64_t addr, const uint8_t *hdr)
{
	const struct py_layout *l = &pp->lay;
	struct py_codes *c = &pp->codes;
	struct py_code key = {
		.addr = addr,
		.filename_ptr = py_word(hdr, l->code_filename),
		.name_ptr =
			py_word(hdr, l->code_qualname != PY_NONE ? l->code_qualname : l->code_name),
		.table_ptr = py_word(hdr, l->code_linetable),
		.firstlineno = py_int(hdr, l->code_firstlineno),
	};

	if (2 * (c->used + 1) > c->cap)
		codes_grow(c);
	struct py_code *e = slot_of(c, addr);
	if (e->addr && e->filename_ptr == key.filename_ptr && e->name_ptr == key.name_ptr &&
	    e->table_ptr == key.table_ptr && e->firstlineno == key.firstlineno)
		return e;
	key.file = py_read_str(pp, key.filename_ptr, &c->strings, PY_STR_MAX);
	key.func = py_read_str(pp, key.name_ptr, &c->strings, PY_STR_MAX);
	key.table = read_bytes(pp, key.table_ptr, &c->strings, &key.ntable);
	if (!key.file || !key.func || !key.table)
		return NULL;
	/* Counts fills, not slots: a slot refilled over and over also ends in a fresh start. */
	c->used++;
	*e = key;
	return e;
}
