/* What the matcher looks at, read from a syscall's raw arguments and the tracee's memory. */
#include "internal.h"

#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

static const char *read_path(const struct tmem *mem, uint64_t addr, struct arena *ar)
{
	bool complete = false;

	if (!addr)
		return NULL;
	char *buf = arena_alloc(ar, PATH_MAX + 1);
	ssize_t n = tmem_read_str(mem, addr, buf, PATH_MAX, &complete);
	return n >= 0 && complete ? buf : NULL;
}

/* An open's access; *follow: whether it follows a symlink in its last component. */
static int open_access(const struct sc_info *si, const uint64_t raw[6], const struct tmem *mem,
		       bool *follow)
{
	uint64_t flags = 0;

	*follow = true;
	if (si->aux == -2) {
		/* openat2: struct open_how starts with its u64 flags. */
		if (tmem_read(mem, raw[2], &flags, sizeof(flags)) < 0)
			return POLICY_ACCESS_WRITE;
	} else {
		flags = raw[si->aux];
	}
	/* O_CREAT|O_EXCL fails on any existing name, a symlink too (open(2)). */
	*follow = !(flags & O_NOFOLLOW) && (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL);
	unsigned acc = flags & O_ACCMODE;
	if (acc == O_WRONLY || acc == O_RDWR || (flags & (O_CREAT | O_TRUNC)))
		return POLICY_ACCESS_WRITE;
	return POLICY_ACCESS_READ;
}

void policy_sockaddr_parse(struct policy_sockaddr *sa, const void *buf, size_t len,
			   struct arena *ar)
{
	const uint8_t *b = buf;
	sa_family_t fam = AF_UNSPEC;

	memset(sa, 0, sizeof(*sa));
	if (len >= sizeof(fam))
		memcpy(&fam, b, sizeof(fam));
	sa->family = fam;
	if (fam == AF_INET && len >= offsetof(struct sockaddr_in, sin_zero)) {
		struct sockaddr_in in;
		memcpy(&in, b, offsetof(struct sockaddr_in, sin_zero));
		sa->port = ntohs(in.sin_port);
		memcpy(sa->addr, &in.sin_addr, 4);
	} else if (fam == AF_INET6 && len >= offsetof(struct sockaddr_in6, sin6_scope_id)) {
		struct sockaddr_in6 in6;
		memcpy(&in6, b, offsetof(struct sockaddr_in6, sin6_scope_id));
		sa->port = ntohs(in6.sin6_port);
		memcpy(sa->addr, &in6.sin6_addr, 16);
	} else if (fam == AF_UNIX) {
		size_t off = offsetof(struct sockaddr_un, sun_path);
		size_t n = len > off ? len - off : 0;
		char *p = arena_alloc(ar, n + 2);
		if (n && b[off] == '\0') {
			p[0] = '@'; /* abstract: the name is every byte after the NUL */
			memcpy(p + 1, b + off + 1, n - 1);
			p[n] = '\0';
		} else {
			n = strnlen((const char *)b + off, n);
			memcpy(p, b + off, n);
			p[n] = '\0';
		}
		sa->path = p;
	}
}

/* The destination of connect, bind, sendto, sendmsg. */
static void read_dest(struct policy_input *in, const struct sc_info *si, const struct ptrc_abi *abi,
		      const uint64_t raw[6], const struct tmem *mem, struct arena *ar)
{
	uint64_t addr = raw[si->aux], len = si->aux2 >= 0 ? raw[si->aux2] : 0;
	uint8_t buf[sizeof(struct sockaddr_storage)];

	in->has_sa = true;
	if (si->aux2 < 0) {
		/* sendmsg: struct msghdr { void *msg_name; socklen_t msg_namelen; ... } */
		uint64_t ptr = 0;
		uint32_t nlen = 0;
		if (tmem_read(mem, addr, &ptr, abi->word_size) < 0 ||
		    tmem_read(mem, addr + abi->word_size, &nlen, sizeof(nlen)) < 0)
			return;
		addr = ptr, len = nlen;
	}
	in->sa_read = true;
	if (!addr) {
		in->sa.family = AF_UNSPEC;
		return;
	}
	if (len > sizeof(buf))
		len = sizeof(buf);
	if (tmem_read(mem, addr, buf, len) < 0) {
		in->sa_read = false;
		return;
	}
	policy_sockaddr_parse(&in->sa, buf, len, ar);
}

void policy_input_read(struct policy_input *in, const struct ptrc_abi *abi,
		       const struct sysent *ent, const uint64_t raw[6], const struct tmem *mem,
		       struct arena *ar)
{
	const struct sc_info *si = sc_info_of(ent);

	memset(in, 0, sizeof(*in));
	in->family = -1;
	in->dirfd[0] = in->dirfd[1] = AT_FDCWD;
	if (!si)
		return;
	switch (si->kind) {
	case SCK_OPEN:
		in->access = open_access(si, raw, mem, &in->follow);
		/* fall through */
	case SCK_FILE:
	case SCK_EXEC:
		if (si->kind != SCK_OPEN)
			in->access = sc_reads_only(si) ? POLICY_ACCESS_READ : POLICY_ACCESS_WRITE;
		in->follow |= si->kind == SCK_EXEC;
		for (unsigned i = 0; i < 2 && si->path[i] >= 0; i++) {
			in->path[i] = in->written[i] = read_path(mem, raw[si->path[i]], ar);
			/*
			 * Folded as a relative path is when resolved ("//", ".", ".."), so that
			 * a rule about /etc/shadow is about /etc//shadow and /tmp/../etc/shadow.
			 */
			if (in->path[i] && in->path[i][0] == '/')
				policy_input_resolve(in, i, "", ar);
			if (si->dirfd[i] >= 0)
				in->dirfd[i] = (int)raw[si->dirfd[i]];
			in->npaths++;
		}
		in->fd_only = in->npaths && in->path[0] && !in->path[0][0] &&
			      (in->npaths < 2 || (in->path[1] && !in->path[1][0]));
		break;
	case SCK_SOCKET:
		in->family = (int)raw[si->aux];
		break;
	case SCK_NET:
		read_dest(in, si, abi, raw, mem, ar);
		break;
	default:
		break;
	}
}

bool policy_input_relative(const struct policy_input *in, unsigned i)
{
	return i < in->npaths && in->path[i] && in->path[i][0] != '/' && !in->fd_only;
}

void policy_input_resolve(struct policy_input *in, unsigned i, const char *base, struct arena *ar)
{
	const char *rel = in->path[i];
	size_t bl = strlen(base), rl = strlen(rel);
	char *out = arena_alloc(ar, bl + rl + 3);
	size_t o = 0;

	/* Components of base then rel, "." dropped and ".." folded, lexically. */
	for (int part = 0; part < 2; part++) {
		const char *s = part ? rel : base;
		while (*s) {
			const char *e = strchrnul(s, '/');
			size_t n = (size_t)(e - s);
			if (n == 2 && s[0] == '.' && s[1] == '.') {
				while (o > 0 && out[--o] != '/')
					;
			} else if (n && !(n == 1 && s[0] == '.')) {
				out[o++] = '/';
				memcpy(out + o, s, n);
				o += n;
			}
			s = *e ? e + 1 : e;
		}
	}
	if (!o)
		out[o++] = '/';
	out[o] = '\0';
	in->path[i] = out;
}
