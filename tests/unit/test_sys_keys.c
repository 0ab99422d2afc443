/*
 * keyctl(2), add_key(2) and request_key(2) against a fake tracee memory.  Every expected
 * line is strace 6.1's for the same call (checked with programs that made them, testprogs/
 * tp_keys.c among them, under -X raw and -X verbose too).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/keyctl.h>
#include <stdint.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(sys_keys, .init = setup, .fini = teardown);

#define KC(ret, ...) RUN("keyctl", ret, __VA_ARGS__)
#define SESSION ((uint64_t)(int64_t)KEY_SPEC_SESSION_KEYRING)
#define HI 0x100000000ULL

static const char user[] = "user", desc[] = "desc", name[] = "name";

static void strings(void)
{
	map(0x1000, user, sizeof(user));
	map(0x1100, desc, sizeof(desc));
	map(0x1200, name, sizeof(name));
	map(0x1300, "xy0123456789012345678901234567890123456789", 43);
}

Test(sys_keys, serials_and_arguments_each_command_takes)
{
	strings();
	cr_expect_str_eq(KC(862334797, KEYCTL_GET_KEYRING_ID, SESSION, 0, 0x7f9de0d2a6d0, 0x40),
			 "keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0) = 862334797");
	cr_expect_str_eq(KC(-ENOKEY, KEYCTL_GET_KEYRING_ID, 12345, HI | 7, 0, 0),
			 "keyctl(KEYCTL_GET_KEYRING_ID, 12345, 7) = -1 ENOKEY (Required key not "
			 "available)");
	cr_expect_str_eq(KC(1063027818, KEYCTL_JOIN_SESSION_KEYRING, 0x1200, 0, 0, 0),
			 "keyctl(KEYCTL_JOIN_SESSION_KEYRING, \"name\") = 1063027818");
	cr_expect_str_eq(KC(923553453, KEYCTL_JOIN_SESSION_KEYRING, 0, 0, 0, 0),
			 "keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL) = 923553453");
	cr_expect_str_eq(
		KC(-EACCES, KEYCTL_UPDATE, 722332822, 0x1300, 2, 0),
		"keyctl(KEYCTL_UPDATE, 722332822, \"xy\", 2) = -1 EACCES (Permission denied)");
	cr_expect_str_eq(KC(-EFAULT, KEYCTL_UPDATE, 5, 1, 5, 0),
			 "keyctl(KEYCTL_UPDATE, 5, 0x1, 5) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(KC(-ENOKEY, HI | KEYCTL_REVOKE, 99999, 1, 2, 3),
			 "keyctl(KEYCTL_REVOKE, 99999) = -1 ENOKEY (Required key not available)");
	cr_expect_str_eq(KC(0, KEYCTL_CHOWN, HI | 722332822, 0xffffffff, 0xffffffff, 0),
			 "keyctl(KEYCTL_CHOWN, 722332822, -1, -1) = 0");
	cr_expect_str_eq(
		KC(-EPERM, KEYCTL_REJECT, 722332822, 10, 128, SESSION),
		"keyctl(KEYCTL_REJECT, 722332822, 10, EKEYREVOKED, KEY_SPEC_SESSION_KEYRING) "
		"= -1 EPERM (Operation not permitted)");
	cr_expect_str_eq(
		KC(-EINVAL, KEYCTL_REJECT, 5, 10, 99999, SESSION),
		"keyctl(KEYCTL_REJECT, 5, 10, 99999, KEY_SPEC_SESSION_KEYRING) = -1 EINVAL "
		"(Invalid argument)");
	cr_expect_str_eq(
		KC(-EPERM, KEYCTL_NEGATE, 5, 0x1ffffffffULL, SESSION, 0),
		"keyctl(KEYCTL_NEGATE, 5, 4294967295, KEY_SPEC_SESSION_KEYRING) = -1 EPERM "
		"(Operation not permitted)");
	cr_expect_str_eq(KC(-ENOKEY, KEYCTL_SEARCH, SESSION, 0x1000, 0x1100,
			    (uint64_t)(int64_t)KEY_SPEC_THREAD_KEYRING),
			 "keyctl(KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, \"user\", \"desc\", "
			 "KEY_SPEC_THREAD_KEYRING) = -1 ENOKEY (Required key not available)");
	cr_expect_str_eq(KC(0, KEYCTL_SESSION_TO_PARENT, 1, 2, 3, 4),
			 "keyctl(KEYCTL_SESSION_TO_PARENT) = 0");
	cr_expect_str_eq(
		KC(-EACCES, KEYCTL_MOVE, 722332822, SESSION,
		   (uint64_t)(int64_t)KEY_SPEC_USER_KEYRING, KEYCTL_MOVE_EXCL),
		"keyctl(KEYCTL_MOVE, 722332822, KEY_SPEC_SESSION_KEYRING, "
		"KEY_SPEC_USER_KEYRING, KEYCTL_MOVE_EXCL) = -1 EACCES (Permission denied)");
	cr_expect_str_eq(KC(-EFAULT, KEYCTL_INSTANTIATE, 5, 0, 3, (uint64_t)-100),
			 "keyctl(KEYCTL_INSTANTIATE, 5, NULL, 3, -100) = -1 EFAULT (Bad address)");
}

Test(sys_keys, enums_flags_and_unknown_commands)
{
	cr_expect_str_eq(KC(0, KEYCTL_SET_REQKEY_KEYRING, (uint64_t)-1, 0, 0, 0),
			 "keyctl(KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE) = 0");
	cr_expect_str_eq(
		KC(-EINVAL, KEYCTL_SET_REQKEY_KEYRING, 99, 0, 0, 0),
		"keyctl(KEYCTL_SET_REQKEY_KEYRING, 99 /* KEY_REQKEY_DEFL_??? */) = -1 EINVAL "
		"(Invalid argument)");
	cr_expect_str_eq(KC(-EOPNOTSUPP, 99, 1, 2, 3, 4),
			 "keyctl(0x63 /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EOPNOTSUPP "
			 "(Operation not supported)");
	cr_expect_str_eq(KC(-EOPNOTSUPP, KEYCTL_WATCH_KEY, 0x2b0dec96, 0xffffffff, 0, HI),
			 "keyctl(KEYCTL_WATCH_KEY, 0x2b0dec96, 0xffffffff, 0, 0x100000000) = -1 "
			 "EOPNOTSUPP (Operation not supported)");
	/* KEY_POS_VIEW... are no UAPI header's (strace names them): a number here. */
	cr_expect_str_eq(KC(-EACCES, KEYCTL_SETPERM, 5, 0x3f010000, 0, 0),
			 "keyctl(KEYCTL_SETPERM, 5, 0x3f010000) = -1 EACCES (Permission denied)");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(KC(0, KEYCTL_GET_KEYRING_ID, SESSION, 0, 0, 0), "keyctl(0, -3, 0) = 0");
	cr_expect_str_eq(KC(0, KEYCTL_SET_REQKEY_KEYRING, 1, 0, 0, 0), "keyctl(0xe, 1) = 0");
	cr_expect_str_eq(KC(-EPERM, KEYCTL_REJECT, 5, 10, 128, SESSION),
			 "keyctl(0x13, 5, 10, 128, -3) = -1 EPERM (Operation not permitted)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(KC(-EPERM, KEYCTL_REJECT, 5, 10, 128, SESSION),
			 "keyctl(0x13 /* KEYCTL_REJECT */, 5, 10, 128 /* EKEYREVOKED */, -3 /* "
			 "KEY_SPEC_SESSION_KEYRING */) = -1 EPERM (Operation not permitted)");
	cr_expect_str_eq(
		KC(0, KEYCTL_SET_REQKEY_KEYRING, (uint64_t)-1, 0, 0, 0),
		"keyctl(0xe /* KEYCTL_SET_REQKEY_KEYRING */, -1 /* KEY_REQKEY_DEFL_NO_CHANGE "
		"*/) = 0");
	cr_expect_str_eq(
		KC(-ENOKEY, KEYCTL_GET_KEYRING_ID, 12345, 7, 0, 0),
		"keyctl(0 /* KEYCTL_GET_KEYRING_ID */, 12345, 7) = -1 ENOKEY (Required key "
		"not available)");
	cr_expect_str_eq(
		KC(1, KEYCTL_GET_KEYRING_ID, SESSION, 1, 0, 0),
		"keyctl(0 /* KEYCTL_GET_KEYRING_ID */, -3 /* KEY_SPEC_SESSION_KEYRING */, 1) "
		"= 1");
}

Test(sys_keys, outputs_at_exit)
{
	static const char descr[64] = "user;0;0;3f010000;desc";
	static const uint8_t caps[2] = {KEYCTL_CAPS0_CAPABILITIES | KEYCTL_CAPS0_MOVE,
					KEYCTL_CAPS1_NS_KEY_TAG};
	static const char zeros[40];
	map(0x2000, descr, sizeof(descr));
	map(0x3000, caps, sizeof(caps));
	map(0x4000, zeros, sizeof(zeros));
	cr_expect_str_eq(KC(23, KEYCTL_DESCRIBE, 722332822, 0x2000, 64, 0),
			 "keyctl(KEYCTL_DESCRIBE, 722332822, \"user;0;0;3f010000;desc\", 64) = 23");
	cr_expect_str_eq(KC(23, KEYCTL_DESCRIBE, 722332822, 0, 0, 0),
			 "keyctl(KEYCTL_DESCRIBE, 722332822, NULL, 0) = 23");
	/* A buffer too short for the answer keeps what it held. */
	cr_expect_str_eq(
		KC(36, KEYCTL_DESCRIBE, SESSION, 0x4000, 8, 0),
		"keyctl(KEYCTL_DESCRIBE, KEY_SPEC_SESSION_KEYRING, \"\\0\\0\\0\\0\\0\\0\\0\", "
		"8) = 36");
	cr_expect_str_eq(KC(36, KEYCTL_DESCRIBE, SESSION, 0x4000, 0x100000008ULL, 0),
			 "keyctl(KEYCTL_DESCRIBE, KEY_SPEC_SESSION_KEYRING, "
			 "\"\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\"
			 "0\\0\\0\\0"
			 "\\0\\0\\0\\0\", 4294967304) = 36");
	cr_expect_str_eq(
		KC(-EACCES, KEYCTL_READ, 722332822, 0x2000, 64, 0),
		"keyctl(KEYCTL_READ, 722332822, 0x2000, 64) = -1 EACCES (Permission denied)");
	cr_expect_str_eq(
		KC(2, KEYCTL_CAPABILITIES, 0x3000, 64, 0, 0),
		"keyctl(KEYCTL_CAPABILITIES, [KEYCTL_CAPS0_CAPABILITIES|KEYCTL_CAPS0_MOVE, "
		"KEYCTL_CAPS1_NS_KEY_TAG], 64) = 2");
	cr_expect_str_eq(
		KC(2, KEYCTL_CAPABILITIES, 0x3000, 1, 0, 0),
		"keyctl(KEYCTL_CAPABILITIES, [KEYCTL_CAPS0_CAPABILITIES|KEYCTL_CAPS0_MOVE], "
		"1) = 2");
	cr_expect_str_eq(KC(2, KEYCTL_CAPABILITIES, 0, 0, 0, 0),
			 "keyctl(KEYCTL_CAPABILITIES, NULL, 0) = 2");
	/* The answer cannot be read back: its address. */
	cr_expect_str_eq(KC(2, KEYCTL_CAPABILITIES, 0x9000, 2, 0, 0),
			 "keyctl(KEYCTL_CAPABILITIES, 0x9000, 2) = 2");
}

Test(sys_keys, structs_and_iovecs)
{
	static const int32_t dh[3] = {1, 2, 3};
	static const struct keyctl_pkey_params pp = {.key_id = 5, .in_len = 3, .out_len = 4};
	static const uint64_t iov[2] = {0x1300, 2};
	map(0x1300, "xy0123", 7);
	map(0x2000, dh, sizeof(dh));
	map(0x3000, &pp, sizeof(pp));
	map(0x4000, "enc=x", 6);
	map(0x5000, "abcdefg", 8);
	map(0x6000, iov, sizeof(iov));
	cr_expect_str_eq(
		KC(-EOPNOTSUPP, KEYCTL_DH_COMPUTE, 0x2000, 0x7ffdd8d2e720, 64, 0),
		"keyctl(KEYCTL_DH_COMPUTE, {private=1, prime=2, base=3}, 0x7ffdd8d2e720, 64, "
		"NULL) = -1 EOPNOTSUPP (Operation not supported)");
	cr_expect_str_eq(KC(-ENOKEY, KEYCTL_PKEY_ENCRYPT, 0x3000, 0x4000, 0x5000, 0x7fffabb9dc78),
			 "keyctl(KEYCTL_PKEY_ENCRYPT, {key_id=5, in_len=3, out_len=4}, \"enc=x\", "
			 "\"abc\", 0x7fffabb9dc78) = -1 ENOKEY (Required key not available)");
	cr_expect_str_eq(KC(-ENOKEY, KEYCTL_PKEY_VERIFY, 0x3000, 0x4000, 0x5000, 0x5003),
			 "keyctl(KEYCTL_PKEY_VERIFY, {key_id=5, in_len=3, in2_len=4}, \"enc=x\", "
			 "\"abc\", \"defg\") = -1 ENOKEY (Required key not available)");
	cr_expect_str_eq(KC(-EFAULT, KEYCTL_PKEY_VERIFY, 0, 0, 0, 0),
			 "keyctl(KEYCTL_PKEY_VERIFY, NULL, NULL, NULL, NULL) = -1 EFAULT (Bad "
			 "address)");
	cr_expect_str_eq(
		KC(-EPERM, KEYCTL_INSTANTIATE_IOV, 722332822, 0x6000, 1, SESSION),
		"keyctl(KEYCTL_INSTANTIATE_IOV, 722332822, [{iov_base=\"xy\", iov_len=2}], 1, "
		"KEY_SPEC_SESSION_KEYRING) = -1 EPERM (Operation not permitted)");
	/* A struct cut short by unmapped memory: its address. */
	cr_expect_str_eq(
		KC(-EFAULT, KEYCTL_DH_COMPUTE, 0x2000 + 8, 0, 64, 0),
		"keyctl(KEYCTL_DH_COMPUTE, 0x2008, NULL, 64, NULL) = -1 EFAULT (Bad address)");
}

Test(sys_keys, add_key_request_key)
{
	strings();
	cr_expect_str_eq(
		RUN("add_key", 722332822, 0x1000, 0x1100, 0x1300, 1, SESSION),
		"add_key(\"user\", \"desc\", \"x\", 1, KEY_SPEC_SESSION_KEYRING) = 722332822");
	cr_expect_str_eq(RUN("add_key", -EFAULT, 0x1000, 1, 0x1300, 3, (uint64_t)-100),
			 "add_key(\"user\", 0x1, \"xy0\", 3, -100) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("add_key", 173365375, 0x1000, 0x1100, 0x1302, 40, SESSION),
			 "add_key(\"user\", \"desc\", \"01234567890123456789012345678901\"..., 40, "
			 "KEY_SPEC_SESSION_KEYRING) = 173365375");
	cr_expect_str_eq(
		RUN("add_key", -EINVAL, 0x1000, 0x1100, 0, 0,
		    (uint64_t)(int64_t)KEY_SPEC_PROCESS_KEYRING),
		"add_key(\"user\", \"desc\", NULL, 0, KEY_SPEC_PROCESS_KEYRING) = -1 EINVAL "
		"(Invalid argument)");
	cr_expect_str_eq(
		RUN("request_key", 722332822, 0x1000, 0x1100, 0, SESSION),
		"request_key(\"user\", \"desc\", NULL, KEY_SPEC_SESSION_KEYRING) = 722332822");
	cr_expect_str_eq(
		RUN("request_key", -ENOENT, 0x1000, 0x1200, 0x1100, 0),
		"request_key(\"user\", \"name\", \"desc\", 0) = -1 ENOENT (No such file or "
		"directory)");
}

/* The same structs on i386: int32 serials, an i386 iovec. */
Test(sys_keys, i386)
{
	static const uint32_t iov[2] = {0x1300, 2};
	harness_abi = ABI_I386;
	strings();
	map(0x6000, iov, sizeof(iov));
	cr_expect_str_eq(KC(941407306, KEYCTL_GET_KEYRING_ID, SESSION, 1, 0, 0),
			 "keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 1) = 941407306");
	cr_expect_str_eq(
		KC(-EPERM, KEYCTL_INSTANTIATE_IOV, 722332822, 0x6000, 1, SESSION),
		"keyctl(KEYCTL_INSTANTIATE_IOV, 722332822, [{iov_base=\"xy\", iov_len=2}], 1, "
		"KEY_SPEC_SESSION_KEYRING) = -1 EPERM (Operation not permitted)");
	cr_expect_str_eq(
		RUN("add_key", 722332822, 0x1000, 0x1100, 0x1300, 1, SESSION),
		"add_key(\"user\", \"desc\", \"x\", 1, KEY_SPEC_SESSION_KEYRING) = 722332822");
}
