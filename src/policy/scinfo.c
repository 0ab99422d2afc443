/* Which arguments of which syscalls a policy looks at, by name for every ABI. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

#define F1(n, p)                                                                                   \
	{                                                                                          \
#n, SCK_FILE, {p, -1 }, {-1, -1 }, 0, 0                                            \
	}
#define FAT(n, d, p)                                                                               \
	{                                                                                          \
#n, SCK_FILE, {p, -1 }, {d, -1 }, 0, 0                                             \
	}
#define F2(n, p, q)                                                                                \
	{                                                                                          \
#n, SCK_FILE, {p, q }, {-1, -1 }, 0, 0                                             \
	}
#define FAT2(n, d, p, e, q)                                                                        \
	{                                                                                          \
#n, SCK_FILE, {p, q }, {d, e }, 0, 0                                               \
	}

/* Sorted by name. */
static const struct sc_info table[] = {
	F1(access, 0),
	F1(acct, 0),
	{"bind", SCK_NET, {-1, -1}, {-1, -1}, 1, 2},
	F1(chdir, 0),
	F1(chmod, 0),
	F1(chown, 0),
	F1(chown32, 0),
	F1(chroot, 0),
	{"connect", SCK_NET, {-1, -1}, {-1, -1}, 1, 2},
	{"creat", SCK_OPEN, {0, -1}, {-1, -1}, -1, 0},
	{"execve", SCK_EXEC, {0, -1}, {-1, -1}, 0, 0},
	{"execveat", SCK_EXEC, {1, -1}, {0, -1}, 0, 0},
	FAT(faccessat, 0, 1),
	FAT(faccessat2, 0, 1),
	FAT(fchmodat, 0, 1),
	FAT(fchmodat2, 0, 1),
	FAT(fchownat, 0, 1),
	FAT(fstatat64, 0, 1),
	FAT(futimesat, 0, 1),
	F1(getxattr, 0),
	F1(inotify_add_watch, 1),
	F1(lchown, 0),
	F1(lchown32, 0),
	F1(lgetxattr, 0),
	F2(link, 0, 1),
	FAT2(linkat, 0, 1, 2, 3),
	F1(listxattr, 0),
	F1(llistxattr, 0),
	F1(lremovexattr, 0),
	F1(lsetxattr, 0),
	F1(lstat, 0),
	F1(lstat64, 0),
	F1(mkdir, 0),
	FAT(mkdirat, 0, 1),
	F1(mknod, 0),
	FAT(mknodat, 0, 1),
	F1(mount, 1),
	FAT(name_to_handle_at, 0, 1),
	FAT(newfstatat, 0, 1),
	F1(oldlstat, 0),
	F1(oldstat, 0),
	{"open", SCK_OPEN, {0, -1}, {-1, -1}, 1, 0},
	{"openat", SCK_OPEN, {1, -1}, {0, -1}, 2, 0},
	{"openat2", SCK_OPEN, {1, -1}, {0, -1}, -2, 0},
	F2(pivot_root, 0, 1),
	F1(readlink, 0),
	FAT(readlinkat, 0, 1),
	F1(removexattr, 0),
	F2(rename, 0, 1),
	FAT2(renameat, 0, 1, 2, 3),
	FAT2(renameat2, 0, 1, 2, 3),
	F1(rmdir, 0),
	{"sendmsg", SCK_NET, {-1, -1}, {-1, -1}, 1, -1},
	{"sendto", SCK_NET, {-1, -1}, {-1, -1}, 4, 5},
	F1(setxattr, 0),
	{"socket", SCK_SOCKET, {-1, -1}, {-1, -1}, 0, 0},
	{"socketpair", SCK_SOCKET, {-1, -1}, {-1, -1}, 0, 0},
	F1(stat, 0),
	F1(stat64, 0),
	F1(statfs, 0),
	F1(statfs64, 0),
	FAT(statx, 0, 1),
	F1(swapoff, 0),
	F1(swapon, 0),
	F1(symlink, 1),
	FAT(symlinkat, 1, 2),
	F1(truncate, 0),
	F1(truncate64, 0),
	F1(umount, 0),
	F1(umount2, 0),
	F1(unlink, 0),
	FAT(unlinkat, 0, 1),
	F1(uselib, 0),
	F1(utime, 0),
	FAT(utimensat, 0, 1),
	F1(utimes, 0),
};

static int by_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct sc_info *)elem)->name);
}

const struct sc_info *sc_info_find(const char *name)
{
	return bsearch(name, table, sizeof(table) / sizeof(table[0]), sizeof(table[0]), by_name);
}

/* File syscalls that only read (look up, stat, list); the others write. Sorted. */
static const char *const readers[] = {
	"access",     "chdir",
	"chroot",     "faccessat",
	"faccessat2", "fstatat64",
	"getxattr",   "inotify_add_watch",
	"lgetxattr",  "listxattr",
	"llistxattr", "lstat",
	"lstat64",    "name_to_handle_at",
	"newfstatat", "oldlstat",
	"oldstat",    "readlink",
	"readlinkat", "stat",
	"stat64",     "statfs",
	"statfs64",   "statx",
	"uselib",
};

static int cmp_key(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool sc_reads_only(const char *name)
{
	const struct sc_info *si = sc_info_find(name);

	if (si && si->kind == SCK_EXEC)
		return true;
	return bsearch(name, readers, sizeof(readers) / sizeof(readers[0]), sizeof(readers[0]),
		       cmp_key) != NULL;
}

bool sc_dest_optional(const char *name)
{
	return !strcmp(name, "sendto") || !strcmp(name, "sendmsg");
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
