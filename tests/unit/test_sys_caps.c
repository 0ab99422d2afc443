/*
 * capget(2) and capset(2) against a fake tracee memory: strace 6.1's lines, with the
 * capability sets split over their two words as strace prints them.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/capability.h>
#include <string.h>

#include "sys/flags.h"
#include "test_sys_harness.h"

TestSuite(sys_caps, .init = setup, .fini = teardown);

static struct __user_cap_header_struct hdr;
static struct __user_cap_data_struct data[2];

static void caps_setup(uint32_t version, int pid)
{
	hdr = (struct __user_cap_header_struct){version, pid};
	memset(data, 0, sizeof(data));
	map(0x1000, &hdr, sizeof(hdr));
	map(0x2000, data, sizeof(data));
}

Test(sys_caps, sets_over_two_words)
{
	caps_setup(_LINUX_CAPABILITY_VERSION_3, 0);
	data[0].effective = 1u << CAP_KILL | 1u << CAP_NET_RAW;
	data[1].effective = 1u << (CAP_SYSLOG - 32);
	data[0].permitted = 1u << CAP_CHOWN;
	data[1].inheritable = 0x80000000;
	cr_expect_str_eq(
		RUN("capset", -EPERM, 0x1000, 0x2000),
		"capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, "
		"{effective=1<<CAP_KILL|1<<CAP_NET_RAW|1<<CAP_SYSLOG, permitted=1<<CAP_CHOWN, "
		"inheritable=0x80000000 /* CAP_??? */}) = -1 EPERM (Operation not permitted)");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(
		RUN("capset", -EPERM, 0x1000, 0x2000),
		"capset({version=0x20080522, pid=0}, {effective=0x2020|0x4, permitted=0x1, "
		"inheritable=0x80000000}) = -1 EPERM (Operation not permitted)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		RUN("capset", -EPERM, 0x1000, 0x2000),
		"capset({version=0x20080522 /* _LINUX_CAPABILITY_VERSION_3 */, pid=0}, "
		"{effective=0x2020 /* 1<<CAP_KILL|1<<CAP_NET_RAW */|0x4 /* 1<<CAP_SYSLOG */, "
		"permitted=0x1 /* 1<<CAP_CHOWN */, inheritable=0x80000000 /* CAP_??? */}) = -1 "
		"EPERM (Operation not permitted)");
}

/* capget's data at exit, in the layout the header's version said at entry; version 1 and
 * unknown versions have one word per set. */
Test(sys_caps, versions_and_exit)
{
	caps_setup(_LINUX_CAPABILITY_VERSION_1, 42);
	data[0].effective = 1u << CAP_SETFCAP;
	data[1].effective = 1u << (CAP_BPF - 32);
	cr_expect_str_eq(RUN("capget", 0, 0x1000, 0x2000),
			 "capget({version=_LINUX_CAPABILITY_VERSION_1, pid=42}, "
			 "{effective=1<<CAP_SETFCAP, permitted=0, inheritable=0}) = 0");
	hdr.version = 0x12345678;
	cr_expect_str_eq(RUN("capget", -EINVAL, 0x1000, 0x2000),
			 "capget({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? */, pid=42}, "
			 "0x2000) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("capget", 0, 0x1000, 0x2000),
			 "capget({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? */, pid=42}, "
			 "{effective=1<<CAP_SETFCAP, permitted=0, inheritable=0}) = 0");
	hdr.version = _LINUX_CAPABILITY_VERSION_2;
	cr_expect_str_eq(RUN("capget", 0, 0x1000, 0x2000),
			 "capget({version=_LINUX_CAPABILITY_VERSION_2, pid=42}, "
			 "{effective=1<<CAP_SETFCAP|1<<CAP_BPF, permitted=0, inheritable=0}) = 0");
	cr_expect_str_eq(RUN("capget", -EFAULT, 0, 0),
			 "capget(NULL, NULL) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("capget", -EFAULT, 0x10, 0x20),
			 "capget(0x10, 0x20) = -1 EFAULT (Bad address)");
}

/* A set that runs into unreadable memory shows the address: 12 of version 3's 24 bytes. */
Test(sys_caps, short_data_is_an_address)
{
	static struct __user_cap_data_struct one;
	caps_setup(_LINUX_CAPABILITY_VERSION_3, 0);
	map(0x3000, &one, sizeof(one));
	cr_expect_str_eq(
		RUN("capset", -EFAULT, 0x1000, 0x3000),
		"capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, 0x3000) = -1 EFAULT (Bad "
		"address)");
	cr_expect_str_eq(
		RUN("capset", -EFAULT, 0x1000, 0),
		"capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, NULL) = -1 EFAULT (Bad "
		"address)");
}

/* Every capability the header has is in exactly one of the two words' tables. */
Test(sys_caps, word_tables_cover_every_capability)
{
	for (unsigned i = 0; i < xl_caps.n; i++) {
		uint64_t cap = xl_caps.ents[i].val;
		const struct xlat *t = cap < 32 ? &xl_cap_mask_lo : &xl_cap_mask_hi;
		const char *n = xlat_name(t, 1ULL << (cap % 32));
		cr_expect(n && !strcmp(n, xl_caps.ents[i].name), "%s", xl_caps.ents[i].name);
	}
	cr_expect_eq(xl_cap_mask_lo.n + xl_cap_mask_hi.n, xl_caps.n);
}

Test(sys_caps, i386_same_structs, .init = setup)
{
	harness_abi = ABI_I386;
	caps_setup(_LINUX_CAPABILITY_VERSION_3, -1);
	data[1].permitted = 0xffff;
	cr_expect_str_eq(
		RUN("capget", 0, 0x1000, 0x2000),
		"capget({version=_LINUX_CAPABILITY_VERSION_3, pid=-1}, {effective=0, "
		"permitted=1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|"
		"1<<CAP_BLOCK_SUSPEND|1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_"
		"CHECKPOINT_RESTORE|0xfe00, inheritable=0}) = 0");
}
