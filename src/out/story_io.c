/*
 * The story's data movement: bytes read and written per file and per socket endpoint,
 * the endpoints a process used and the socket calls that failed, and their text lines.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "story_int.h"
#include "sys/signame.h"
#include "util/xalloc.h"

enum { WRITTEN_SHOWN = 20 }; /* files on the "written:" line; JSON has every one */
enum { LEFT_SHOWN = 10 };    /* descriptors on the "left open:" line; JSON has those kept */

void story_io_add(struct story_io *io, bool reads, uint64_t bytes)
{
	if (reads) {
		io->reads++;
		io->rbytes += bytes;
	} else {
		io->writes++;
		io->wbytes += bytes;
	}
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

uint32_t story_net(struct story *s, uint32_t id, const char *proto, const char *local,
		   const char *peer)
{
	struct story_proc *p = id && id <= s->n ? &s->p[id - 1] : NULL;
	uint32_t i = 0;

	if (!p)
		return 0;
	while (i < p->nnets && !(!strcmp(p->nets[i].proto, proto) &&
				 same(p->nets[i].local, local) && same(p->nets[i].peer, peer)))
		i++;
	if (i < p->nnets)
		return i + 1;
	if (p->nnets == STORY_NETS_MAX) {
		p->nets_dropped++;
		return 0;
	}
	if (p->nnets == p->capnets) {
		p->capnets = p->capnets ? p->capnets * 2 : 4;
		p->nets = xrealloc(p->nets, p->capnets * sizeof(*p->nets));
	}
	struct story_net *n = &p->nets[p->nnets++];
	*n = (struct story_net){.local = xstrdup(local), .peer = peer ? xstrdup(peer) : NULL};
	snprintf(n->proto, sizeof(n->proto), "%s", proto);
	return p->nnets;
}

void story_netfail(struct story *s, uint32_t id, const char *call, const char *addr, int err)
{
	struct story_proc *p = id && id <= s->n ? &s->p[id - 1] : NULL;
	uint32_t i = 0;

	if (!p)
		return;
	while (i < p->nnetfails && !(p->netfails[i].call == call && p->netfails[i].err == err &&
				     !strcmp(p->netfails[i].addr, addr)))
		i++;
	if (i == p->nnetfails) {
		if (p->nnetfails == STORY_NETS_MAX)
			return;
		if (p->nnetfails == p->capnetfails) {
			p->capnetfails = p->capnetfails ? p->capnetfails * 2 : 4;
			p->netfails = xrealloc(p->netfails, p->capnetfails * sizeof(*p->netfails));
		}
		p->netfails[p->nnetfails++] =
			(struct story_netfail){.call = call, .addr = xstrdup(addr), .err = err};
	}
	p->netfails[i].count++;
}

void story_bytes_text(char *buf, size_t len, uint64_t b)
{
	static const char *const unit[] = {"KiB", "MiB", "GiB", "TiB"};
	double v = (double)b;
	unsigned u = 0;

	if (b < 1024) {
		snprintf(buf, len, "%" PRIu64 " B", b);
		return;
	}
	for (v /= 1024; v >= 1024 && u + 1 < sizeof(unit) / sizeof(unit[0]); v /= 1024)
		u++;
	snprintf(buf, len, "%.1f %s", v, unit[u]);
}

/* "written: a, b, c": every file it wrote to, the first WRITTEN_SHOWN in the tree. */
void story_written_line(struct strbuf *sb, const struct story_proc *p, unsigned indent)
{
	struct wrap w;
	char buf[160], path[120];
	uint32_t shown = 0, total = 0;

	for (uint32_t i = 0; i < p->nfiles; i++)
		total += p->files[i].io.writes > 0;
	if (!total)
		return;
	story_wrap_start(&w, sb, indent);
	for (uint32_t i = 0; i < p->nfiles && shown < WRITTEN_SHOWN; i++) {
		if (!p->files[i].io.writes)
			continue;
		story_add_path(path, sizeof(path), p->files[i].path, COLS - indent - 12);
		snprintf(buf, sizeof(buf), "%s%s", shown++ ? "" : "written: ", path);
		story_wrap_item(&w, buf);
	}
	if (total > shown) {
		snprintf(buf, sizeof(buf), "%" PRIu32 " more", total - shown);
		story_wrap_item(&w, buf);
	}
	story_wrap_end(&w);
}

/* "left open: /tmp/x (fd 3), TCP:[...] (fd 5)": what it had not closed when it ended. */
void story_left_open_line(struct strbuf *sb, const struct story_proc *p, unsigned indent)
{
	struct wrap w;
	char buf[200], path[140];
	uint32_t shown = 0;

	if (!p->left_open)
		return;
	story_wrap_start(&w, sb, indent);
	for (const char *l = p->left_open; *l && shown < LEFT_SHOWN;) {
		const char *tab = strchr(l, '\t'), *nl = strchr(l, '\n');
		if (!tab || !nl || tab > nl)
			break;
		char desc[512];
		snprintf(desc, sizeof(desc), "%.*s", (int)(nl - tab - 1), tab + 1);
		story_add_path(path, sizeof(path), desc, COLS - indent - 24);
		snprintf(buf, sizeof(buf), "%s%s (fd %.*s)", shown++ ? "" : "left open: ", path,
			 (int)(tab - l), l);
		story_wrap_item(&w, buf);
		l = nl + 1;
	}
	if (p->nleft_open > shown) {
		snprintf(buf, sizeof(buf), "%" PRIu32 " more", p->nleft_open - shown);
		story_wrap_item(&w, buf);
	}
	story_wrap_end(&w);
}

/* "TCP 127.0.0.1:41234 -> 127.0.0.1:5000 (sent 5 B, received 0 B)". */
static void net_item(char *buf, size_t len, const struct story_net *n, bool first)
{
	char r[32], w[32];
	int k = snprintf(buf, len, "%s%s %s", first ? "network: " : "", n->proto, n->local);

	if (n->peer)
		k += snprintf(buf + k, len - (size_t)k, " -> %s", n->peer);
	else if (strncmp(n->proto, "UNIX", 4)) /* a UNIX socket is known by its name */
		k += snprintf(buf + k, len - (size_t)k, " (no peer)");
	if (n->io.reads || n->io.writes) {
		story_bytes_text(r, sizeof(r), n->io.rbytes);
		story_bytes_text(w, sizeof(w), n->io.wbytes);
		snprintf(buf + k, len - (size_t)k, " (sent %s, received %s)", w, r);
	}
}

/* One endpoint a line: they are long ("TCPv6 [::1]:41234 -> [::1]:5000 ..."). */
void story_net_lines(struct strbuf *sb, const struct story_proc *p, unsigned indent)
{
	char buf[400];
	struct wrap w;

	for (uint32_t i = 0; i < p->nnets; i++) {
		net_item(buf, sizeof(buf), &p->nets[i], i == 0);
		story_wrap_start(&w, sb, indent + (i ? 9 : 0));
		story_wrap_item(&w, buf);
		story_wrap_end(&w);
	}
	if (p->nets_dropped) {
		story_wrap_start(&w, sb, indent + 9);
		snprintf(buf, sizeof(buf), "%" PRIu32 " more", p->nets_dropped);
		story_wrap_item(&w, buf);
		story_wrap_end(&w);
	}
	if (!p->nnetfails)
		return;
	story_wrap_start(&w, sb, indent);
	for (uint32_t i = 0; i < p->nnetfails; i++) {
		const struct story_netfail *f = &p->netfails[i];
		const char *err = errno_name(f->err);
		int k = snprintf(buf, sizeof(buf), "%s%s %s %s",
				 i ? "" : "network failed: ", f->call, f->addr, err ? err : "?");
		if (f->count > 1)
			snprintf(buf + k, sizeof(buf) - (size_t)k, " x%" PRIu32, f->count);
		story_wrap_item(&w, buf);
	}
	story_wrap_end(&w);
}

void story_free_net(struct story_proc *p)
{
	for (uint32_t i = 0; i < p->nnets; i++) {
		free(p->nets[i].local);
		free(p->nets[i].peer);
	}
	free(p->nets);
	for (uint32_t i = 0; i < p->nnetfails; i++)
		free(p->netfails[i].addr);
	free(p->netfails);
}
