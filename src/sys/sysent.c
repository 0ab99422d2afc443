#include "sysent.h"

#include <stdlib.h>
#include <string.h>

#include "../../arch/abi.h"
#include "../util/xalloc.h"
#include "decoders.h"
#include "flags.h"

#define A_INT                                                                                      \
	{                                                                                          \
		AK_INT, 0, NULL                                                                    \
	}
#define A_UINT                                                                                     \
	{                                                                                          \
		AK_UINT, 0, NULL                                                                   \
	}
#define A_LONG                                                                                     \
	{                                                                                          \
		AK_LONG, 0, NULL                                                                   \
	}
#define A_ULONG                                                                                    \
	{                                                                                          \
		AK_ULONG, 0, NULL                                                                  \
	}
#define A_HEX                                                                                      \
	{                                                                                          \
		AK_HEX, 0, NULL                                                                    \
	}
#define A_OCT                                                                                      \
	{                                                                                          \
		AK_OCT, 0, NULL                                                                    \
	}
#define A_PTR                                                                                      \
	{                                                                                          \
		AK_PTR, 0, NULL                                                                    \
	}
#define A_PID                                                                                      \
	{                                                                                          \
		AK_PID, 0, NULL                                                                    \
	}
#define A_FD                                                                                       \
	{                                                                                          \
		AK_FD, 0, NULL                                                                     \
	}
#define A_DIRFD                                                                                    \
	{                                                                                          \
		AK_DIRFD, 0, NULL                                                                  \
	}
#define A_PATH                                                                                     \
	{                                                                                          \
		AK_PATH, 0, NULL                                                                   \
	}
#define A_STR                                                                                      \
	{                                                                                          \
		AK_STR, 0, NULL                                                                    \
	}
#define A_IBUF(len_arg)                                                                            \
	{                                                                                          \
		AK_IBUF, len_arg, NULL                                                             \
	}
#define A_OBUF                                                                                     \
	{                                                                                          \
		AK_OBUF, 0, NULL                                                                   \
	}
#define A_FLAGS(tab)                                                                               \
	{                                                                                          \
		AK_FLAGS, 0, &xl_##tab                                                             \
	}
#define A_FLAGS_LONG(tab)                                                                          \
	{                                                                                          \
		AK_FLAGS, ARG_LONG, &xl_##tab                                                      \
	}
#define A_ENUM(tab)                                                                                \
	{                                                                                          \
		AK_ENUM, 0, &xl_##tab                                                              \
	}
#define A_SIG                                                                                      \
	{                                                                                          \
		AK_SIG, 0, NULL                                                                    \
	}
#define A_OUT                                                                                      \
	{                                                                                          \
		AK_OUT, 0, NULL                                                                    \
	}
#define A_IN                                                                                       \
	{                                                                                          \
		AK_IN, 0, NULL                                                                     \
	}

#define A_TARGET                                                                                   \
	{                                                                                          \
		AK_TARGET, 0, NULL                                                                 \
	}
#define A_OFLAGS                                                                                   \
	{                                                                                          \
		AK_OFLAGS, 0, NULL                                                                 \
	}
#define A_OPENHOW                                                                                  \
	{                                                                                          \
		AK_OPENHOW, 0, NULL                                                                \
	}
#define A_FAMILY                                                                                   \
	{                                                                                          \
		AK_FAMILY, 0, &xl_address_families                                                 \
	}
#define A_SOCKADDR(len_arg)                                                                        \
	{                                                                                          \
		AK_SOCKADDR, len_arg, NULL                                                         \
	}
#define A_MSGHDR                                                                                   \
	{                                                                                          \
		AK_MSGHDR, 0, NULL                                                                 \
	}
#define A_SOCKBUF(len_arg)                                                                         \
	{                                                                                          \
		AK_SOCKBUF, len_arg, NULL                                                          \
	}
#define A_SOCKOBUF(len_arg)                                                                        \
	{                                                                                          \
		AK_SOCKOBUF, len_arg, NULL                                                         \
	}

#define SYS(nm, cls, rk, fn, ...)                                                                  \
	{.name = #nm,                                                                              \
	 .classes = (cls)&TC_ALL,                                                                  \
	 .traits = (cls) & ~(uint32_t)TC_ALL,                                                      \
	 .ret = (rk),                                                                              \
	 .nargs = sizeof((struct argspec[]){__VA_ARGS__}) / sizeof(struct argspec),                \
	 .args = {__VA_ARGS__},                                                                    \
	 .decode = (fn)},

const struct sysent sysent_table[] = {
#include "syscalls.def"
};
const unsigned sysent_count = sizeof(sysent_table) / sizeof(sysent_table[0]);

static const struct sysent **by_name; /* sysent_table sorted by name */

static int cmp_ent(const void *a, const void *b)
{
	return strcmp((*(const struct sysent *const *)a)->name,
		      (*(const struct sysent *const *)b)->name);
}

static int cmp_key(const void *key, const void *e)
{
	return strcmp(key, (*(const struct sysent *const *)e)->name);
}

const struct sysent *sysent_by_name(const char *name)
{
	if (!by_name) {
		by_name = xmalloc(sizeof(*by_name) * sysent_count);
		for (unsigned i = 0; i < sysent_count; i++)
			by_name[i] = &sysent_table[i];
		qsort(by_name, sysent_count, sizeof(*by_name), cmp_ent);
	}
	const struct sysent *const *e =
		bsearch(name, by_name, sysent_count, sizeof(*by_name), cmp_key);
	return e ? *e : NULL;
}

struct abi_index {
	unsigned len; /* highest number + 1 */
	const char **names;
	const struct sysent **ents;
};

static struct abi_index indexes[ABI_COUNT];

static struct abi_index *index_for(const struct ptrc_abi *abi)
{
	struct abi_index *ix = &indexes[abi->id];

	if (ix->names)
		return ix;
	const struct systab *t = abi->systab;
	for (unsigned i = 0; i < t->len; i++)
		if (t->entries[i].nr + 1 > ix->len)
			ix->len = t->entries[i].nr + 1;
	ix->names = xcalloc(ix->len, sizeof(*ix->names));
	ix->ents = xcalloc(ix->len, sizeof(*ix->ents));
	for (unsigned i = 0; i < t->len; i++) {
		unsigned nr = t->entries[i].nr;
		ix->names[nr] = t->entries[i].name;
		ix->ents[nr] = sysent_by_name(t->entries[i].name);
	}
	return ix;
}

const char *systab_lookup(const struct ptrc_abi *abi, uint64_t nr, const struct sysent **ent)
{
	struct abi_index *ix = index_for(abi);

	*ent = NULL;
	nr &= ~abi->nr_mask;
	if (nr >= ix->len || !ix->names[nr])
		return NULL;
	*ent = ix->ents[nr];
	return ix->names[nr];
}

bool systab_name_known(const char *name)
{
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct systab *t = abi_by_id(id)->systab;
		for (unsigned i = 0; i < t->len; i++)
			if (!strcmp(t->entries[i].name, name))
				return true;
	}
	return false;
}
