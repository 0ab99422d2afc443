/* The OCI / Docker seccomp profile export, parsed back as JSON by python3. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "policy/policy.h"

static struct policy *parse_ok(const char *text)
{
	struct policy *p = NULL;
	char err[256] = "";
	cr_assert_eq(policy_parse("t", text, strlen(text), &p, err, sizeof(err)), 0, "%s", err);
	return p;
}

/* Runs python3 on the profile with a check script; returns its exit status. */
static int python_check(const char *profile, const char *script)
{
	char path[] = "/tmp/ptrc-oci-XXXXXX", cmd[4096];
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs(profile, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd),
		 "python3 -c 'import json,sys\np=json.load(open(sys.argv[1]))\n%s' %s", script,
		 path);
	int rc = system(cmd);
	unlink(path);
	return rc;
}

Test(policy_oci, default_deny_profile)
{
	struct policy *p = parse_ok("allow read write exit_group\n"
				    "allow openat path=/usr/**\n"
				    "allow socket family=unix,inet\n"
				    "deny ptrace\n");
	struct strbuf sb = {0};

	policy_oci_export(p, &sb);
	cr_assert(strstr(sb.buf, "\"defaultAction\": \"SCMP_ACT_ERRNO\""), "%s", sb.buf);
	/* exit, exit_group and the sigreturns are allowed whatever a policy says (TR_ENDS). */
	cr_assert(strstr(sb.buf, "{\"names\": [\"exit\",\"exit_group\",\"openat\",\"read\","
				 "\"rt_sigreturn\",\"sigreturn\",\"write\"], "
				 "\"action\": \"SCMP_ACT_ALLOW\"}"),
		  "%s", sb.buf);
	char script[1024];
	snprintf(
		script, sizeof(script),
		"s=p[\"syscalls\"]\n"
		"assert p[\"defaultAction\"]==\"SCMP_ACT_ERRNO\" and p[\"defaultErrnoRet\"]==1\n"
		"assert \"SCMP_ARCH_X86_64\" in p[\"architectures\"]\n"
		"allowed=set(n for e in s if \"args\" not in e for n in e[\"names\"])\n"
		"assert allowed=={\"read\",\"write\",\"exit\",\"exit_group\",\"openat\","
		"\"rt_sigreturn\",\"sigreturn\"}, allowed\n"
		"fam=sorted(e[\"args\"][0][\"value\"] for e in s if \"args\" in e)\n"
		"assert fam==sorted([%d,%d]), fam\n"
		"assert all(e[\"names\"]==[\"socket\"] and e[\"args\"][0][\"op\"]==\"SCMP_CMP_EQ\" "
		"for e in s if \"args\" in e)\n",
		AF_UNIX, AF_INET);
	cr_assert_eq(python_check(sb.buf, script), 0, "%s", sb.buf);
	strbuf_free(&sb);
	policy_free(p);
}

Test(policy_oci, default_allow_profile)
{
	struct policy *p =
		parse_ok("default allow\ndeny @mount ptrace\ndeny openat path=/etc/**\n");
	struct strbuf sb = {0};

	policy_oci_export(p, &sb);
	int rc = python_check(sb.buf,
			      "s=p[\"syscalls\"]\n"
			      "assert p[\"defaultAction\"]==\"SCMP_ACT_ALLOW\"\n"
			      "assert len(s)==1 and s[0][\"action\"]==\"SCMP_ACT_ERRNO\"\n"
			      "assert s[0][\"errnoRet\"]==1\n"
			      "n=set(s[0][\"names\"])\n"
			      "assert \"ptrace\" in n and \"mount\" in n and \"umount2\" in n, n\n"
			      "assert \"openat\" not in n and \"read\" not in n, n\n");
	cr_assert_eq(rc, 0, "%s", sb.buf);
	strbuf_free(&sb);
	policy_free(p);
}

/* The checker itself fails on a profile that is wrong. */
Test(policy_oci, checker_can_fail)
{
	cr_assert_neq(python_check("{\"defaultAction\": 1}", "assert p[\"defaultAction\"]==2\n"),
		      0);
	cr_assert_neq(python_check("{not json", "pass\n"), 0);
}
