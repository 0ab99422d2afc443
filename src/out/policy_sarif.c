/*
 * --policy-format=sarif: a SARIF 2.1.0 log (OASIS), in the subset GitHub code scanning
 * reads: tool.driver.name, one rule per policy rule that fired, and per violation a result
 * with message.text, one location (artifactLocation.uri, region.startLine) and
 * partialFingerprints.  Files beneath the source root are relative URIs with uriBaseId
 * %SRCROOT%, which run.originalUriBaseIds maps to the root's file: URI.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "policy_report_int.h"
#include "../util/xalloc.h"

#define SRCROOT "%SRCROOT%"

/* A path as a URI's path: unreserved bytes and "/" as they are, the rest %XX. */
static void uri_path(struct strbuf *sb, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char keep[] = "/-._~!$&'()*+;=@";

	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr(keep, *s)) {
			strbuf_addc(sb, (char)*s);
			continue;
		}
		char esc[3] = {'%', hex[*s >> 4], hex[*s & 15]};
		strbuf_addn(sb, esc, sizeof(esc));
	}
}

/* A JSON string of "file://" and an absolute path, with a final slash when dir. */
static void file_uri(struct strbuf *sb, const char *path, bool dir)
{
	struct strbuf u = {0};

	strbuf_adds(&u, "file://");
	uri_path(&u, path);
	if (dir && u.buf[u.len - 1] != '/')
		strbuf_addc(&u, '/');
	json_cstr(sb, u.buf);
	strbuf_free(&u);
}

/* An artifactLocation: beneath the root relative to %SRCROOT%, else a file: URI. */
static void artifact(struct strbuf *sb, const struct report *r, const char *file)
{
	const char *rel = report_beneath(file, r->srcroot);
	struct strbuf u = {0};

	strbuf_adds(sb, "{\"uri\":");
	if (rel || file[0] != '/') {
		uri_path(&u, rel ? rel : file);
		json_cstr(sb, u.buf ? u.buf : "");
	} else {
		file_uri(sb, file, false);
	}
	strbuf_adds(sb, rel ? ",\"uriBaseId\":\"" SRCROOT "\"}" : "}");
	strbuf_free(&u);
}

/* The policy file as an absolute path, when it was given relative to the root. */
static void policy_path(struct strbuf *out, const struct report *r)
{
	if (r->policy[0] == '/' || !r->srcroot || r->srcroot[0] != '/') {
		strbuf_adds(out, r->policy);
		return;
	}
	struct strbuf joined = {0};
	strbuf_adds(&joined, r->srcroot);
	strbuf_addc(&joined, '/');
	strbuf_adds(&joined, r->policy);
	report_fold(out, joined.buf);
	strbuf_free(&joined);
}

/* The distinct rules of the kept violations, in the order they first fired (0: default). */
static size_t collect_rules(const struct report *r, unsigned *lines, size_t *first)
{
	size_t n = 0;

	for (size_t i = 0; i < r->n; i++) {
		size_t k = 0;
		while (k < n && lines[k] != r->v[i].rule_line)
			k++;
		if (k == n) {
			lines[n] = r->v[i].rule_line;
			first[n++] = i;
		}
	}
	return n;
}

static size_t rule_index(const unsigned *lines, size_t n, unsigned line)
{
	size_t k = 0;

	while (k < n && lines[k] != line)
		k++;
	return k;
}

static void rule_id(struct strbuf *sb, unsigned line)
{
	if (line)
		strbuf_addf(sb, "\"policy/%u\"", line);
	else
		strbuf_adds(sb, "\"policy/default\"");
}

static void rule(struct strbuf *sb, const struct report *r, const struct report_violation *v)
{
	struct strbuf full = {0};

	strbuf_adds(sb, "{\"id\":");
	rule_id(sb, v->rule_line);
	strbuf_adds(sb, ",\"shortDescription\":{\"text\":");
	json_cstr(sb, v->rule_line ? (v->rule_text ? v->rule_text : "?") : "default deny");
	report_rule_ref(&full, r, v);
	if (!v->rule_line)
		strbuf_adds(&full, ": no rule allows the call");
	strbuf_adds(sb, "},\"fullDescription\":{\"text\":");
	json_cstr(sb, full.buf + strlen("rule "));
	strbuf_adds(sb, "},\"defaultConfiguration\":{\"level\":\"error\"}}");
	strbuf_free(&full);
}

/* 64-bit FNV-1a of each part with its NUL: the same violation gets the same print. */
static uint64_t fnv(uint64_t h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	} while (*s++);
	return h;
}

static void fingerprint(struct strbuf *sb, const struct report_violation *v, const char *file,
			unsigned line)
{
	char num[16];

	snprintf(num, sizeof(num), "%u", v->rule_line);
	uint64_t h = fnv(0xcbf29ce484222325ULL, num);
	h = fnv(h, v->syscall);
	h = fnv(h, file);
	snprintf(num, sizeof(num), "%u", line);
	h = fnv(h, num);
	strbuf_addf(sb, ",\"partialFingerprints\":{\"ptrcViolation/v1\":\"%016" PRIx64 "\"}", h);
}

/* The place of the call; without a source line, the rule's line in the policy file. */
static void location(struct strbuf *sb, const struct report *r, const struct report_violation *v)
{
	const char *file = v->where.file;
	unsigned line = v->where.line;
	struct strbuf pol = {0};

	if (!file) {
		policy_path(&pol, r);
		file = pol.buf;
		line = v->rule_line ? v->rule_line : 1;
	}
	strbuf_adds(sb, ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":");
	artifact(sb, r, file);
	strbuf_addf(sb, ",\"region\":{\"startLine\":%u}}", line);
	if (!v->where.file)
		strbuf_adds(sb,
			    ",\"message\":{\"text\":\"the policy's rule: the call's stack has no "
			    "source line\"}");
	strbuf_adds(sb, "}]");
	fingerprint(sb, v, report_shown(r, file), line);
	strbuf_free(&pol);
}

static void result(struct strbuf *sb, const struct report *r, const struct report_violation *v,
		   size_t index)
{
	struct strbuf msg = {0};

	strbuf_adds(sb, "{\"ruleId\":");
	rule_id(sb, v->rule_line);
	strbuf_addf(sb, ",\"ruleIndex\":%zu,\"level\":\"error\",\"message\":{\"text\":", index);
	report_message(&msg, r, v);
	json_cstr(sb, msg.buf);
	strbuf_addc(sb, '}');
	strbuf_free(&msg);
	location(sb, r, v);
	strbuf_addf(sb, ",\"properties\":{\"pid\":%d,\"exe\":", v->pid);
	json_cstr(sb, v->exe);
	strbuf_adds(sb, ",\"syscall\":");
	json_cstr(sb, v->syscall);
	strbuf_adds(sb, ",\"action\":");
	json_cstr(sb, v->action);
	if (v->leads_to) {
		strbuf_adds(sb, ",\"leads_to\":");
		json_cstr(sb, v->leads_to);
	}
	if (v->where.func) {
		strbuf_adds(sb, ",\"function\":");
		json_cstr(sb, v->where.func);
	}
	strbuf_adds(sb, "}}");
}

static void driver(struct strbuf *sb, const struct report *r, const size_t *first, size_t nrules)
{
	strbuf_adds(sb, "{\"driver\":{\"name\":\"ptrc\",\"version\":");
	json_cstr(sb, r->version);
	strbuf_adds(sb, ",\"informationUri\":");
	json_cstr(sb, r->info_uri);
	strbuf_adds(sb, ",\"rules\":[");
	for (size_t k = 0; k < nrules; k++) {
		strbuf_adds(sb, k ? ",\n" : "\n");
		rule(sb, r, &r->v[first[k]]);
	}
	strbuf_adds(sb, "]}}");
}

void report_sarif(struct strbuf *sb, const struct report *r)
{
	unsigned *lines = xcalloc(r->n + 1, sizeof(*lines));
	size_t *first = xcalloc(r->n + 1, sizeof(*first));
	size_t nrules = collect_rules(r, lines, first);

	strbuf_adds(sb, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
			"\"version\":\"2.1.0\",\"runs\":[{\"tool\":");
	driver(sb, r, first, nrules);
	if (r->srcroot && r->srcroot[0] == '/' && r->srcroot[1]) {
		strbuf_adds(sb, ",\n\"originalUriBaseIds\":{\"" SRCROOT "\":{\"uri\":");
		file_uri(sb, r->srcroot, true);
		strbuf_adds(sb, "}}");
	}
	strbuf_adds(sb, ",\n\"results\":[");
	for (size_t i = 0; i < r->n; i++) {
		strbuf_adds(sb, i ? ",\n" : "\n");
		result(sb, r, &r->v[i], rule_index(lines, nrules, r->v[i].rule_line));
	}
	strbuf_adds(sb, "],\n\"properties\":{\"policy\":");
	json_cstr(sb, r->policy);
	strbuf_adds(sb, ",\"action\":");
	json_cstr(sb, r->action);
	strbuf_addf(sb, ",\"total\":%" PRIu64 ",\"listed\":%zu}}]}\n", r->total, r->n);
	free(lines);
	free(first);
}
