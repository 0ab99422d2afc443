/*
 * What a syscall's arguments mean to the policy, derived from syscalls.def:
 * its argument kinds (A_PATH with the A_DIRFD before it, A_OFLAGS, A_FAMILY,
 * A_SOCKADDR, A_MSGHDR...) and traits (TR_EXEC, TR_READS).  The policy keeps
 * no table of its own, so a call added there is checked everywhere at once.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "../sys/sysent.h"
#include "../util/xalloc.h"

static struct sc_info *infos; /* by index in sysent_table, built on first use */

static void derive(const struct sysent *e, struct sc_info *si)
{
	int oflags = -1, family = -1, dest = -1, dest_len = -1;
	bool how = false;
	unsigned np = 0;

	*si = (struct sc_info){e->name, SCK_NONE, {-1, -1}, {-1, -1}, -1, -1};
	for (unsigned i = 0; i < e->nargs; i++) {
		switch (e->args[i].kind) {
		case AK_PATH:
			if (np == 2)
				break;
			si->path[np] = (int8_t)i;
			if (i > 0 && e->args[i - 1].kind == AK_DIRFD)
				si->dirfd[np] = (int8_t)(i - 1);
			np++;
			break;
		case AK_OFLAGS:
			oflags = (int)i;
			break;
		case AK_OPENHOW:
			how = true;
			break;
		case AK_FAMILY:
			family = (int)i;
			break;
		case AK_SOCKADDR:
			dest = (int)i;
			dest_len = e->args[i].len_arg;
			break;
		case AK_MSGHDR:
			dest = (int)i;
			break;
		default:
			break;
		}
	}
	if (np && (e->traits & TR_EXEC)) {
		si->kind = SCK_EXEC;
	} else if (np && (oflags >= 0 || how)) {
		si->kind = SCK_OPEN;
		si->aux = (int8_t)(how ? -2 : oflags);
	} else if (np) {
		si->kind = SCK_FILE;
	} else if (family >= 0) {
		si->kind = SCK_SOCKET;
		si->aux = (int8_t)family;
	} else if (dest >= 0) {
		si->kind = SCK_NET;
		si->aux = (int8_t)dest;
		si->aux2 = (int8_t)dest_len;
	}
}

const struct sc_info *sc_info_of(const struct sysent *ent)
{
	if (!ent)
		return NULL;
	if (!infos) {
		infos = xcalloc(sysent_count, sizeof(*infos));
		for (unsigned i = 0; i < sysent_count; i++)
			derive(&sysent_table[i], &infos[i]);
	}
	const struct sc_info *si = &infos[ent - sysent_table];
	return si->kind == SCK_NONE ? NULL : si;
}

const struct sc_info *sc_info_find(const char *name)
{
	return sc_info_of(sysent_by_name(name));
}

bool sc_reads_only(const struct sc_info *si)
{
	const struct sysent *e = sysent_by_name(si->name);

	return si->kind == SCK_EXEC || (e && (e->traits & TR_READS));
}

bool sc_key_applies(enum policy_key key, const char *name)
{
	const struct sc_info *si = sc_info_find(name);
	unsigned kind = si ? si->kind : SCK_NONE;

	switch (key) {
	case PK_PATH:
		return kind == SCK_FILE || kind == SCK_OPEN || kind == SCK_EXEC;
	case PK_EXEC:
		return kind == SCK_EXEC;
	case PK_ACCESS:
		return kind == SCK_OPEN || kind == SCK_FILE || kind == SCK_EXEC;
	case PK_FAMILY:
		return kind == SCK_SOCKET || kind == SCK_NET;
	case PK_ADDR:
	case PK_PORT:
		return kind == SCK_NET;
	case PK_EXE:
		return true;
	case PK_COUNT:
		break;
	}
	return false;
}

bool policy_is_multiplexer(const char *name)
{
	const struct sysent *e = sysent_by_name(name);

	return e && (e->traits & TR_MULTIPLEX);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char *const *policy_all_names(unsigned *n)
{
	static const char **names;
	static unsigned count;

	if (!names) {
		unsigned cap = 0;
		for (unsigned id = 0; id < ABI_COUNT; id++)
			cap += abi_by_id((enum abi_id)id)->systab->len;
		const char **v = xcalloc(cap ? cap : 1, sizeof(*v));
		unsigned k = 0;
		for (unsigned id = 0; id < ABI_COUNT; id++) {
			const struct systab *t = abi_by_id((enum abi_id)id)->systab;
			for (unsigned i = 0; i < t->len; i++)
				v[k++] = t->entries[i].name;
		}
		qsort(v, k, sizeof(*v), cmp_str);
		unsigned u = 0;
		for (unsigned i = 0; i < k; i++)
			if (!u || strcmp(v[u - 1], v[i]))
				v[u++] = v[i];
		count = u;
		names = v;
	}
	*n = count;
	return names;
}
