/*
 * An OCI runtime-spec (linux.seccomp) / Docker seccomp profile from a
 * policy.  seccomp sees numbers, not memory: path, address, exec and exe
 * conditions cannot be expressed, so a syscall that depends on them is
 * allowed by the profile (ptrc checks the rest).  socket families are
 * argument comparisons and are kept.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "../out/json.h"
#include "../util/xalloc.h"

static void names_array(struct strbuf *sb, const char *const *names, unsigned n)
{
	strbuf_addc(sb, '[');
	for (unsigned i = 0; i < n; i++) {
		if (i)
			strbuf_addc(sb, ',');
		json_cstr(sb, names[i]);
	}
	strbuf_addc(sb, ']');
}

static void entry(struct strbuf *sb, bool *first, const char *const *names, unsigned n,
		  const char *action)
{
	if (!n)
		return;
	strbuf_adds(sb, *first ? "\n    {\"names\": " : ",\n    {\"names\": ");
	*first = false;
	names_array(sb, names, n);
	strbuf_addf(sb, ", \"action\": \"%s\"", action);
	if (!strcmp(action, "SCMP_ACT_ERRNO"))
		strbuf_adds(sb, ", \"errnoRet\": 1");
	strbuf_addc(sb, '}');
}

/* One entry per allowed family: OCI ANDs the args of one entry. */
static void family_entries(struct strbuf *sb, bool *first, const char *name,
			   const struct policy_fams *f)
{
	for (unsigned i = 0; i < f->n; i++) {
		strbuf_adds(sb, *first ? "\n    {\"names\": [" : ",\n    {\"names\": [");
		*first = false;
		json_cstr(sb, name);
		strbuf_addf(sb,
			    "], \"action\": \"SCMP_ACT_ALLOW\", \"args\": [{\"index\": 0, "
			    "\"value\": %d, \"op\": \"SCMP_CMP_EQ\"}]}",
			    f->fam[i]);
	}
}

void policy_oci_export(const struct policy *p, struct strbuf *out)
{
	unsigned n;
	const char *const *all = policy_all_names(&n);
	const char **listed = xcalloc(n ? n : 1, sizeof(*listed));
	unsigned nlisted = 0;
	bool dflt_allow = p->dflt == POLICY_ALLOW, first = true;
	struct policy_fams fams;

	strbuf_addf(out, "{\n  \"defaultAction\": \"%s\",\n%s  \"architectures\": [",
		    dflt_allow ? "SCMP_ACT_ALLOW" : "SCMP_ACT_ERRNO",
		    dflt_allow ? "" : "  \"defaultErrnoRet\": 1,\n");
	/* The ABIs a process on this host can use (the host ABI's data). */
	const char *const *arches = abi_host()->seccomp_arches;
	for (unsigned i = 0; arches && arches[i]; i++)
		strbuf_addf(out, "%s\"%s\"", i ? ", " : "", arches[i]);
	strbuf_adds(out, "],\n  \"syscalls\": [");
	for (unsigned i = 0; i < n; i++) {
		enum policy_static s = policy_static_verdict(p, all[i], &fams);
		/* Listed: what differs from the default action. */
		if (dflt_allow ? s == POLICY_S_DENY : s == POLICY_S_ALLOW || s == POLICY_S_CHECK)
			listed[nlisted++] = all[i];
	}
	entry(out, &first, listed, nlisted, dflt_allow ? "SCMP_ACT_ERRNO" : "SCMP_ACT_ALLOW");
	for (unsigned i = 0; i < n && !dflt_allow; i++)
		if (policy_static_verdict(p, all[i], &fams) == POLICY_S_FAMILY)
			family_entries(out, &first, all[i], &fams);
	strbuf_adds(out, "\n  ]\n}\n");
	free(listed);
}
