/* The kernel's key management with real and wild arguments: a session keyring of its own, a
 * user key in it, keyctl's commands on them.
 *   tp_keys basic     run with the default options
 *   tp_keys errors    calls that fail the same way in every run
 *   tp_keys raw       the errors, run with -X raw
 *   tp_keys verbose   the errors, run with -X verbose
 * Key serials differ from run to run: lines state them as the calls returned them.
 */
#include "expect.h"

#include <errno.h>
#include <linux/keyctl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static pid_t me;
static int style; /* 0: names, 1: -X raw, 2: -X verbose */

static long kc(long cmd, unsigned long a, unsigned long b, unsigned long c, unsigned long d)
{
	return syscall(SYS_keyctl, cmd, a, b, c, d);
}

/* A constant in the -X style: its name, its number, or both. */
static const char *c(const char *num, const char *name)
{
	static char bufs[8][128];
	static unsigned next;
	char *b = bufs[next++ % 8];

	if (style == 0)
		return name;
	if (style == 1)
		return num;
	snprintf(b, sizeof(bufs[0]), "%s /* %s */", num, name);
	return b;
}

/* [KEYCTL_CAPS0_CAPABILITIES|...]: the bits of the first capability byte. */
static const char *caps0(unsigned char x)
{
	static const struct {
		unsigned bit;
		const char *name;
	} n[] = {{KEYCTL_CAPS0_CAPABILITIES, "KEYCTL_CAPS0_CAPABILITIES"},
		 {KEYCTL_CAPS0_PERSISTENT_KEYRINGS, "KEYCTL_CAPS0_PERSISTENT_KEYRINGS"},
		 {KEYCTL_CAPS0_DIFFIE_HELLMAN, "KEYCTL_CAPS0_DIFFIE_HELLMAN"},
		 {KEYCTL_CAPS0_PUBLIC_KEY, "KEYCTL_CAPS0_PUBLIC_KEY"},
		 {KEYCTL_CAPS0_BIG_KEY, "KEYCTL_CAPS0_BIG_KEY"},
		 {KEYCTL_CAPS0_INVALIDATE, "KEYCTL_CAPS0_INVALIDATE"},
		 {KEYCTL_CAPS0_RESTRICT_KEYRING, "KEYCTL_CAPS0_RESTRICT_KEYRING"},
		 {KEYCTL_CAPS0_MOVE, "KEYCTL_CAPS0_MOVE"}};
	static char b[512];
	size_t len = 0;

	b[0] = 0;
	for (unsigned i = 0; i < sizeof(n) / sizeof(n[0]); i++)
		if (x & n[i].bit)
			len += (size_t)snprintf(b + len, sizeof(b) - len, "%s%s", len ? "|" : "",
						n[i].name);
	if (!len)
		snprintf(b, sizeof(b), "0");
	return b;
}

static int run_basic(void)
{
	char buf[64];
	unsigned char caps[1];
	long ring, k, n;

	ring = kc(KEYCTL_JOIN_SESSION_KEYRING, (unsigned long)"tp-keys", 0, 0, 0);
	xp_line(me, "keyctl(KEYCTL_JOIN_SESSION_KEYRING, \"tp-keys\") = %s", xp_res(ring));
	n = kc(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0, 0, 0);
	xp_line(me, "keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0) = %s", xp_res(n));
	k = syscall(SYS_add_key, "user", "tp-desc", "payload", 7, KEY_SPEC_SESSION_KEYRING);
	xp_line(me, "add_key(\"user\", \"tp-desc\", \"payload\", 7, KEY_SPEC_SESSION_KEYRING) = %s",
		xp_res(k));
	memset(buf, 0, sizeof(buf));
	n = kc(KEYCTL_DESCRIBE, k, (unsigned long)buf, sizeof(buf), 0);
	if (n > 0 && n <= (long)sizeof(buf))
		xp_line(me, "keyctl(KEYCTL_DESCRIBE, %ld, \"%s\", 64) = %ld", k, buf, n);
	n = kc(KEYCTL_READ, k, (unsigned long)buf, sizeof(buf), 0);
	xp_line(me, "keyctl(KEYCTL_READ, %ld, \"payload\", 64) = %s", k, xp_res(n));
	n = kc(KEYCTL_UPDATE, k, (unsigned long)"newdata", 7, 0);
	xp_line(me, "keyctl(KEYCTL_UPDATE, %ld, \"newdata\", 7) = %s", k, xp_res(n));
	n = kc(KEYCTL_READ, k, 0, 0, 0);
	xp_line(me, "keyctl(KEYCTL_READ, %ld, NULL, 0) = %s", k, xp_res(n));
	n = kc(KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, (unsigned long)"user",
	       (unsigned long)"tp-desc", 0);
	xp_line(me,
		"keyctl(KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, \"user\", \"tp-desc\", 0) = %s",
		xp_res(n));
	n = syscall(SYS_request_key, "user", "tp-desc", NULL, 0);
	xp_line(me, "request_key(\"user\", \"tp-desc\", NULL, 0) = %s", xp_res(n));
	n = kc(KEYCTL_SET_TIMEOUT, k, 100, 0, 0);
	xp_line(me, "keyctl(KEYCTL_SET_TIMEOUT, %ld, 100) = %s", k, xp_res(n));
	n = kc(KEYCTL_CHOWN, k, (unsigned long)-1, (unsigned long)-1, 0);
	xp_line(me, "keyctl(KEYCTL_CHOWN, %ld, -1, -1) = %s", k, xp_res(n));
	/* KEYCTL_SETPERM is left out: strace names its bits (KEY_POS_VIEW...), which are no
	 * UAPI header's, and ptrc shows the number. */
	n = kc(KEYCTL_LINK, k, KEY_SPEC_PROCESS_KEYRING, 0, 0);
	xp_line(me, "keyctl(KEYCTL_LINK, %ld, KEY_SPEC_PROCESS_KEYRING) = %s", k, xp_res(n));
	n = kc(KEYCTL_UNLINK, k, KEY_SPEC_PROCESS_KEYRING, 0, 0);
	xp_line(me, "keyctl(KEYCTL_UNLINK, %ld, KEY_SPEC_PROCESS_KEYRING) = %s", k, xp_res(n));
	n = kc(KEYCTL_CAPABILITIES, (unsigned long)caps, sizeof(caps), 0, 0);
	if (n > 0)
		xp_line(me, "keyctl(KEYCTL_CAPABILITIES, [%s], 1) = %ld", caps0(caps[0]), n);
	n = kc(KEYCTL_INVALIDATE, k, 0, 0, 0);
	xp_line(me, "keyctl(KEYCTL_INVALIDATE, %ld) = %s", k, xp_res(n));
	return 0;
}

/* Calls that fail, or whose result does not change: the same lines in every run. */
static int run_errors(void)
{
	struct iovec iov = {"ab", 2};
	long n;

	n = syscall(SYS_add_key, "user", (void *)1, "abc", 3, -100);
	xp_line(me, "add_key(\"user\", 0x1, \"abc\", 3, -100) = %s", xp_res(n));
	n = syscall(SYS_add_key, "user", "tp-desc", NULL, 0, KEY_SPEC_THREAD_KEYRING);
	xp_line(me, "add_key(\"user\", \"tp-desc\", NULL, 0, %s) = %s",
		c("-1", "KEY_SPEC_THREAD_KEYRING"), xp_res(n));
	n = syscall(SYS_request_key, "user", "tp-none", "callout", 12345);
	xp_line(me, "request_key(\"user\", \"tp-none\", \"callout\", 12345) = %s", xp_res(n));
	n = kc(KEYCTL_GET_KEYRING_ID, 12345, 7, 0, 0);
	xp_line(me, "keyctl(%s, 12345, 7) = %s", c("0", "KEYCTL_GET_KEYRING_ID"), xp_res(n));
	n = kc(KEYCTL_REVOKE, 12345, 1, 2, 3);
	xp_line(me, "keyctl(%s, 12345) = %s", c("0x3", "KEYCTL_REVOKE"), xp_res(n));
	n = kc(KEYCTL_NEGATE, 12345, 10, KEY_SPEC_SESSION_KEYRING, 0);
	xp_line(me, "keyctl(%s, 12345, 10, %s) = %s", c("0xd", "KEYCTL_NEGATE"),
		c("-3", "KEY_SPEC_SESSION_KEYRING"), xp_res(n));
	n = kc(KEYCTL_INSTANTIATE_IOV, 12345, (unsigned long)&iov, 1, KEY_SPEC_SESSION_KEYRING);
	xp_line(me, "keyctl(%s, 12345, [{iov_base=\"ab\", iov_len=2}], 1, %s) = %s",
		c("0x14", "KEYCTL_INSTANTIATE_IOV"), c("-3", "KEY_SPEC_SESSION_KEYRING"),
		xp_res(n));
	n = kc(KEYCTL_REJECT, 12345, 10, EKEYREVOKED, KEY_SPEC_SESSION_KEYRING);
	xp_line(me, "keyctl(%s, 12345, 10, %s, %s) = %s", c("0x13", "KEYCTL_REJECT"),
		c("128", "EKEYREVOKED"), c("-3", "KEY_SPEC_SESSION_KEYRING"), xp_res(n));
	n = kc(KEYCTL_SET_REQKEY_KEYRING, 99, 0, 0, 0);
	xp_line(me, "keyctl(%s, 99%s) = %s", c("0xe", "KEYCTL_SET_REQKEY_KEYRING"),
		style == 1 ? "" : " /* KEY_REQKEY_DEFL_??? */", xp_res(n));
	n = kc(KEYCTL_MOVE, 12345, KEY_SPEC_SESSION_KEYRING, KEY_SPEC_USER_KEYRING,
	       KEYCTL_MOVE_EXCL);
	xp_line(me, "keyctl(%s, 12345, %s, %s, %s) = %s", c("0x1e", "KEYCTL_MOVE"),
		c("-3", "KEY_SPEC_SESSION_KEYRING"), c("-4", "KEY_SPEC_USER_KEYRING"),
		c("0x1", "KEYCTL_MOVE_EXCL"), xp_res(n));
	n = kc(99, 1, 2, 3, 4);
	xp_line(me, "keyctl(0x63%s, 0x1, 0x2, 0x3, 0x4) = %s",
		style == 1 ? "" : " /* KEYCTL_??? */", xp_res(n));
	return 0;
}

static int run_raw(void)
{
	style = 1;
	return run_errors();
}

static int run_verbose(void)
{
	style = 2;
	return run_errors();
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic},
					       {"errors", run_errors},
					       {"raw", run_raw},
					       {"verbose", run_verbose},
					       {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_keys", argc, argv, modes);
}
