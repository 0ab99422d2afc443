/* JSON Lines: values and events built by hand, checked as exact text and as valid JSON. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch/abi.h"
#include "crash/crash.h"
#include "out/json.h"
#include "out/summary.h"
#include "sys/flags.h"
#include "sys/xlat.h"
#include "unwind/unwind.h"

XLAT_TABLE(t_accmode, XLAT_ENUM, XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR));
XLAT_TABLE(t_oflags, XLAT_BITS, XLAT(O_CLOEXEC), XLAT(O_CREAT));

/* --- A strict JSON validator (RFC 8259), enough to prove every line parses --- */

static const char *ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static const char *jvalue(const char *p, int depth);

static const char *jstring(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20)
			return NULL;
		if (c == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
						return NULL;
				p += 5;
				continue;
			}
			if (!*p || !strchr("\"\\/bfnrt", *p))
				return NULL;
		}
		p++;
	}
	return p + 1;
}

static const char *jnumber(const char *p)
{
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return NULL;
	if (*p == '.') {
		if (!(*++p >= '0' && *p <= '9'))
			return NULL;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return p;
}

static const char *jcompound(const char *p, int depth, char close, bool obj)
{
	p = ws(p + 1);
	if (*p == close)
		return p + 1;
	for (;;) {
		if (obj) {
			p = jstring(ws(p));
			if (!p || *(p = ws(p)) != ':')
				return NULL;
			p++;
		}
		p = jvalue(p, depth + 1);
		if (!p)
			return NULL;
		p = ws(p);
		if (*p == close)
			return p + 1;
		if (*p++ != ',')
			return NULL;
	}
}

static const char *jvalue(const char *p, int depth)
{
	if (depth > 64)
		return NULL;
	p = ws(p);
	if (*p == '{')
		return jcompound(p, depth, '}', true);
	if (*p == '[')
		return jcompound(p, depth, ']', false);
	if (*p == '"')
		return jstring(p);
	if (!strncmp(p, "true", 4) || !strncmp(p, "null", 4))
		return p + 4;
	if (!strncmp(p, "false", 5))
		return p + 5;
	return jnumber(p);
}

/* One object, one newline, nothing else. */
static bool json_line_ok(const char *s)
{
	if (*s != '{')
		return false;
	const char *e = jvalue(s, 0);
	return e && e[0] == '\n' && e[1] == '\0' && !memchr(s, '\n', (size_t)(e - s));
}

Test(json_validator, rejects_bad_lines)
{
	cr_assert(json_line_ok("{\"a\":[1,2.5,-3,\"x\\u0001\",null,true,{}]}\n"));
	cr_assert_not(json_line_ok("{\"a\":1,}\n"));
	cr_assert_not(json_line_ok("{\"a\":\"\x01\"}\n"));
	cr_assert_not(json_line_ok("{\"a\":01}\n"));
	cr_assert_not(json_line_ok("{\"a\":1}"));
	cr_assert_not(json_line_ok("{\"a\":\"\\x41\"}\n"));
}

/* --- Values --- */

static char *val_json(const struct val *v)
{
	struct strbuf sb = {0};
	json_val(&sb, v);
	return sb.buf;
}

#define ASSERT_VAL(v, expect)                                                                      \
	do {                                                                                       \
		char *got_ = val_json(v);                                                          \
		cr_assert_str_eq(got_, expect);                                                    \
		free(got_);                                                                        \
	} while (0)

Test(json_val, scalars)
{
	struct val v;

	val_int(&v, -5);
	ASSERT_VAL(&v, "-5");
	val_uint(&v, UINT64_MAX);
	ASSERT_VAL(&v, "18446744073709551615");
	val_fd(&v, 3);
	ASSERT_VAL(&v, "3");
	val_oct(&v, 0644);
	ASSERT_VAL(&v, "420");
	val_hex(&v, 0x1f);
	ASSERT_VAL(&v, "\"0x1f\"");
	val_ptr(&v, 0);
	ASSERT_VAL(&v, "null");
	val_ptr(&v, 0x7ffd1000);
	ASSERT_VAL(&v, "\"0x7ffd1000\"");
	val_sig(&v, SIGINT);
	ASSERT_VAL(&v, "\"SIGINT\"");
	val_sym(&v, "SIG_DFL");
	ASSERT_VAL(&v, "\"SIG_DFL\"");
	v.kind = VAL_NONE;
	ASSERT_VAL(&v, "null");
}

Test(json_val, strings_escaped_truncated_binary)
{
	struct arena a = {0};
	struct val v;

	val_str(&v, &a, "a\"b\\c\n\t\x01\x7f", 9, false);
	ASSERT_VAL(&v, "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\"");
	val_str(&v, &a, "caf\xc3\xa9", 5, false);
	ASSERT_VAL(&v, "\"caf\xc3\xa9\"");
	val_str(&v, &a, "abc", 3, true);
	ASSERT_VAL(&v, "{\"str\":\"abc\",\"truncated\":true}");
	val_str(&v, &a, "a\xff\x00", 3, false);
	ASSERT_VAL(&v, "{\"hex\":\"61ff00\"}");
	val_str(&v, &a, "\xc0\xaf", 2, true); /* overlong: invalid */
	ASSERT_VAL(&v, "{\"hex\":\"c0af\",\"truncated\":true}");
	val_str(&v, &a, "\xed\xa0\x80", 3, false); /* a surrogate: invalid */
	ASSERT_VAL(&v, "{\"hex\":\"eda080\"}");
	val_str(&v, &a, "ok", 2, false);
	v.flags |= VALF_HEXSTR;
	ASSERT_VAL(&v, "{\"hex\":\"6f6b\"}");
	arena_free(&a);
}

Test(json_val, flags_enums_or)
{
	struct arena a = {0};
	struct val v;

	val_flags(&v, O_CLOEXEC | O_CREAT | 0x40000000, &t_oflags);
	ASSERT_VAL(&v, "[\"O_CLOEXEC\",\"O_CREAT\",\"0x40000000\"]");
	val_flags(&v, 0, &t_oflags);
	ASSERT_VAL(&v, "[]");
	val_enum(&v, O_RDWR, &t_accmode);
	ASSERT_VAL(&v, "\"O_RDWR\"");
	val_enum(&v, 7, &t_accmode);
	ASSERT_VAL(&v, "7");
	struct val *it = val_or(&v, &a, 2);
	val_enum(&it[0], O_RDONLY, &t_accmode);
	val_flags(&it[1], O_CLOEXEC, &t_oflags);
	ASSERT_VAL(&v, "[\"O_RDONLY\",\"O_CLOEXEC\"]");
	/* prctl's tagged address word: a field at its bit position is its value and name. */
	it = val_or(&v, &a, 3);
	val_enum(&it[0], O_RDONLY, &t_accmode);
	val_shift(&it[1], 5, 3, "PR_MTE_TAG_SHIFT");
	val_hex(&it[2], 0x80000);
	ASSERT_VAL(&v, "[\"O_RDONLY\",{\"value\":5,\"shift\":\"PR_MTE_TAG_SHIFT\"},\"0x80000\"]");
	/* Readings of one number (MIXER_READ(1) or MEMGETINFO): the table's, the last. */
	it = val_alts(&v, &a, 2);
	val_call(&it[0], &a, "MIXER_READ", 1);
	val_uint(val_field(&it[0], &a, 0, "nr"), 1);
	val_enum(&it[1], O_RDONLY, &t_accmode);
	ASSERT_VAL(&v, "\"O_RDONLY\"");
	/* PTRACE_PEEKUSER's place: the number, what it is in, how far in; the end is in nothing. */
	val_useroff(&v, 904, USEROFF_FIELD, "u_debugreg", 848, 0);
	ASSERT_VAL(&v, "{\"offset\":904,\"in\":\"u_debugreg\",\"plus\":56}");
	val_useroff(&v, 912, USEROFF_END, NULL, 912, 0);
	ASSERT_VAL(&v, "{\"offset\":912,\"in\":null,\"plus\":0}");
	arena_free(&a);
}

Test(json_val, structs_arrays_sets)
{
	struct arena a = {0};
	struct val v;

	val_struct(&v, &a, 2);
	val_int(val_field(&v, &a, 0, "tv_sec"), 1);
	val_int(val_field(&v, &a, 1, "tv_nsec"), 2);
	ASSERT_VAL(&v, "{\"tv_sec\":1,\"tv_nsec\":2}");
	v.flags |= VALF_ABBREV;
	ASSERT_VAL(&v, "{\"tv_sec\":1,\"tv_nsec\":2,\"...\":true}");

	struct val *items = val_array(&v, &a, 2);
	val_fd(&items[0], 3);
	val_fd(&items[1], 4);
	ASSERT_VAL(&v, "[3,4]");
	v.flags |= VALF_TRUNC;
	ASSERT_VAL(&v, "{\"items\":[3,4],\"truncated\":true}");
	v.flags &= (uint16_t)~VALF_TRUNC;
	val_unread(&items[1], 0x7f0010);
	ASSERT_VAL(&v, "{\"items\":[3],\"unreadable\":\"0x7f0010\"}");

	/* An indexed array: by the names of its indexes, a number where none names one. */
	items = val_array(&v, &a, 3);
	val_uint(&items[0], 4);
	val_uint(&items[1], 8);
	val_uint(&items[2], 9);
	val_index_by(&v, &xl_io_wq_types);
	ASSERT_VAL(&v, "{\"IO_WQ_BOUND\":4,\"IO_WQ_UNBOUND\":8,\"2\":9}");
	v.flags |= VALF_TRUNC;
	ASSERT_VAL(&v, "{\"IO_WQ_BOUND\":4,\"IO_WQ_UNBOUND\":8,\"2\":9,\"...\":true}");
	v.flags &= (uint16_t)~VALF_TRUNC;
	val_unread(&items[1], 0x7f0010);
	v.n = 2;
	ASSERT_VAL(&v, "{\"IO_WQ_BOUND\":4,\"unreadable\":\"0x7f0010\"}");
	v.n = 0;
	ASSERT_VAL(&v, "{}");

	uint8_t mask[8] = {0};
	mask[(SIGINT - 1) / 8] |= 1 << ((SIGINT - 1) % 8);
	mask[(SIGTERM - 1) / 8] |= 1 << ((SIGTERM - 1) % 8);
	val_sigset(&v, &a, mask, sizeof(mask));
	ASSERT_VAL(&v, "[\"SIGINT\",\"SIGTERM\"]");

	struct val b, c;
	val_int(&b, 16);
	val_int(&c, 8);
	val_change(&v, &a, &b, &c);
	ASSERT_VAL(&v, "{\"before\":16,\"after\":8}");
	v = b;
	val_count(val_comment(&v, &a), 37, "var", "vars");
	ASSERT_VAL(&v, "{\"value\":16,\"vars\":37}");
	v = b;
	val_count_ended(val_comment(&v, &a), 2, "var", "vars", VAL_COUNT_UNTERMINATED);
	ASSERT_VAL(&v, "{\"value\":16,\"vars\":2,\"unterminated\":true}");
	v = b;
	val_count_ended(val_comment(&v, &a), 9, "var", "vars", VAL_COUNT_CUT);
	ASSERT_VAL(&v, "{\"value\":16,\"vars\":9,\"truncated\":true}");
	v = b;
	val_sym(val_comment(&v, &a), "PR_???");
	ASSERT_VAL(&v, "{\"value\":16,\"comment\":\"PR_???\"}");
	val_int(&v, 2);
	val_int(val_note(&v, &a), 9);
	ASSERT_VAL(&v, "{\"value\":2,\"note\":9}");
	arena_free(&a);
}

/* --- Events --- */

static const struct json_head head = {.pid = 10, .tid = 11, .ts = {1700000000, 123456789}};

static void ev_openat(struct sc_event *ev, struct arena *a)
{
	memset(ev, 0, sizeof(*ev));
	ev->abi = abi_by_id(ABI_X86_64);
	ev->name = "openat";
	ev->nr = 257;
	ev->nargs = 3;
	ev->split = 3;
	val_sym(&ev->args[0], "AT_FDCWD");
	val_str(&ev->args[1], a, "/etc/passwd", 11, false);
	val_flags(&ev->args[2], O_CLOEXEC, &t_oflags);
	ev->exited = true;
	ev->ret = 3;
	val_fd(&ev->retv, 3);
	ev->duration_ns = 1500;
}

/* A NULL store's report, as crash_collect() and crash_analyze() leave it. */
static void fake_crash(struct crash_report *r, struct arena *a, const struct unwind_trace *st)
{
	static uint64_t regs[32];
	static struct crash_insn insns[2] = {
		{.addr = 0x401000, .size = 1, .bytes = {0x55}, .text = "push rbp"},
		{.addr = 0x401008,
		 .size = 6,
		 .bytes = {0xc7, 0x00, 0x2a, 0x00, 0x00, 0x00},
		 .text = "mov dword ptr [rax], 0x2a",
		 .is_pc = true},
	};
	static struct crash_mapref maps[1] = {
		{"pc", "00401000-00402000 r-xp 00001000 fe:00 42 /x"}};
	static struct sc_event last;

	memset(r, 0, sizeof(*r));
	r->pid = r->tid = 5;
	r->cmdline = "/x -v";
	r->signo = SIGSEGV;
	r->code = SEGV_MAPERR;
	r->has_addr = true;
	r->addr = 0;
	r->cls = FAULT_NULL_PAGE;
	r->access = FAULT_ACCESS_WRITE;
	r->fault_text = "0x0 is in the NULL page: a NULL pointer dereference";
	r->abi = abi_by_id(ABI_X86_64);
	r->layout = r->abi->regs;
	r->regs = regs;
	r->pc = regs[0] = 0x401008;
	r->sp = regs[1] = 0x7ffd0000;
	r->dis = (struct crash_disasm){.insns = insns, .n = 2, .access = FAULT_ACCESS_WRITE};
	r->func = "store";
	r->func_start = 0x401000;
	r->trace = *st;
	r->src_frame = &st->frames[0];
	r->src_text = "\t*p = 42; // CRASH-LINE";
	ev_openat(&last, a);
	r->last = &last;
	r->nlast = 1;
	r->maps = maps;
	r->nmaps = 1;
}

#define ASSERT_LINE(sb, expect)                                                                    \
	do {                                                                                       \
		cr_assert_str_eq((sb).buf, expect);                                                \
		cr_assert(json_line_ok((sb).buf), "not one JSON line: %s", (sb).buf);              \
		strbuf_free(&(sb));                                                                \
	} while (0)

Test(json_event, syscall_ok_error_unfinished)
{
	struct arena a = {0};
	struct sc_event ev;
	struct strbuf sb = {0};

	ev_openat(&ev, &a);
	json_syscall(&sb, &head, &ev, NULL);
	ASSERT_LINE(sb, "{\"type\":\"syscall\",\"ts\":1700000000.123456,\"pid\":10,\"tid\":11,"
			"\"name\":\"openat\",\"abi\":\"x86_64\",\"nr\":257,"
			"\"args\":[\"AT_FDCWD\",\"/etc/passwd\",[\"O_CLOEXEC\"]],\"ret\":3,"
			"\"duration_ns\":1500}\n");

	ev.is_error = true;
	ev.ret = -2;
	ev.duration_ns = -1;
	json_syscall(&sb, &(struct json_head){.pid = 1, .tid = 1}, &ev, NULL);
	ASSERT_LINE(sb, "{\"type\":\"syscall\",\"pid\":1,\"tid\":1,\"name\":\"openat\","
			"\"abi\":\"x86_64\",\"nr\":257,\"args\":[\"AT_FDCWD\",\"/etc/passwd\","
			"[\"O_CLOEXEC\"]],\"ret\":-1,\"errno\":\"ENOENT\"}\n");

	ev.exited = false;
	ev.split = 2;
	json_syscall(&sb, &(struct json_head){.pid = 1, .tid = 1}, &ev, NULL);
	ASSERT_LINE(sb, "{\"type\":\"syscall\",\"pid\":1,\"tid\":1,\"name\":\"openat\","
			"\"abi\":\"x86_64\",\"nr\":257,\"args\":[\"AT_FDCWD\",\"/etc/passwd\","
			"null],\"ret\":null}\n");
	arena_free(&a);
}

Test(json_event, signal_exec_tasks)
{
	struct arena a = {0};
	struct strbuf sb = {0};
	struct val si;

	val_struct(&si, &a, 2);
	val_sig(val_field(&si, &a, 0, "si_signo"), SIGCHLD);
	val_sym(val_field(&si, &a, 1, "si_code"), "CLD_EXITED");
	json_signal(&sb, &head, SIGCHLD, &si);
	ASSERT_LINE(sb, "{\"type\":\"signal\",\"ts\":1700000000.123456,\"pid\":10,\"tid\":11,"
			"\"signal\":\"SIGCHLD\",\"siginfo\":{\"si_signo\":\"SIGCHLD\","
			"\"si_code\":\"CLD_EXITED\"}}\n");

	struct json_head h = {.pid = 5, .tid = 5};
	/* argv as cmdline holds it: every string whole, one not UTF-8. */
	static const char argv[] = "cc\0-o\0a \xff b\0";
	struct json_exec e = {.exe = "/bin/t\xffue",
			      .abi = "i386",
			      .argv = argv,
			      .argv_len = sizeof(argv) - 1,
			      .cwd = "/src",
			      .former_tid = 7};
	json_exec(&sb, &h, &e);
	ASSERT_LINE(
		sb,
		"{\"type\":\"exec\",\"pid\":5,\"tid\":5,\"exe\":{\"hex\":\"2f62696e2f74ff7565\"},"
		"\"argv\":[\"cc\",\"-o\",{\"hex\":\"6120ff2062\"}],\"cwd\":\"/src\","
		"\"abi\":\"i386\",\"former_tid\":7}\n");
	struct json_head ids = {.pid = 5, .tid = 6, .proc = 3, .task = 9};
	json_task_start(&sb, &ids, JSON_START_FORK, 4, 2);
	ASSERT_LINE(sb, "{\"type\":\"task_start\",\"pid\":5,\"tid\":6,\"proc\":3,\"task\":9,"
			"\"how\":\"fork\",\"parent_tid\":4,\"parent_task\":2}\n");
	json_task_exit(&sb, &h, 3 << 8, "/bin/make");
	ASSERT_LINE(sb, "{\"type\":\"task_exit\",\"pid\":5,\"tid\":5,\"how\":\"exited\",\"code\":3,"
			"\"exe\":\"/bin/make\"}\n");
	json_task_exit(&sb, &h, SIGSEGV | 0x80, NULL);
	ASSERT_LINE(sb, "{\"type\":\"task_exit\",\"pid\":5,\"tid\":5,\"how\":\"killed\","
			"\"signal\":\"SIGSEGV\",\"core_dumped\":true,\"exe\":null}\n");
	json_header(&sb, "0.1.0");
	ASSERT_LINE(sb, "{\"type\":\"header\",\"schema\":2,\"ptrc\":\"0.1.0\"}\n");
	arena_free(&a);
}

Test(json_event, violation_and_summaries)
{
	struct arena a = {0};
	struct strbuf sb = {0};
	struct sc_event ev;
	struct json_head h = {.pid = 5, .tid = 6};

	ev_openat(&ev, &a);
	ev.exited = false;
	struct json_violation v = {.action = "deny",
				   .exe = "/usr/bin/cc",
				   .rule_file = "ci.policy",
				   .rule_line = 4,
				   .rule_text = "deny openat path=/etc/**"};
	json_violation(&sb, &h, &ev, &v, NULL);
	ASSERT_LINE(sb,
		    "{\"type\":\"violation\",\"pid\":5,\"tid\":6,\"action\":\"deny\","
		    "\"exe\":\"/usr/bin/cc\",\"rule\":{\"file\":\"ci.policy\",\"line\":4,"
		    "\"text\":\"deny openat path=/etc/**\"},\"name\":\"openat\",\"abi\":\"x86_64\","
		    "\"nr\":257,\"args\":[\"AT_FDCWD\",\"/etc/passwd\",[\"O_CLOEXEC\"]]}\n");

	struct json_violation_count c[] = {{.syscall = "ptrace", .count = 2},
					   {.syscall = "openat",
					    .exe = "/bin/x",
					    .rule_file = "p",
					    .rule_line = 3,
					    .count = 1}};
	json_policy_summary(&sb, c, 2, "report");
	ASSERT_LINE(
		sb,
		"{\"type\":\"policy_summary\",\"action\":\"report\",\"violations\":["
		"{\"syscall\":\"ptrace\",\"exe\":null,\"rule\":null,\"count\":2},"
		"{\"syscall\":\"openat\",\"exe\":\"/bin/x\",\"rule\":{\"file\":\"p\",\"line\":3},"
		"\"count\":1}],\"total\":3}\n");

	struct summary s = {0};
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);
	summary_add(&s, abi, 0, false, 100);
	summary_add(&s, abi, 0, true, 50);
	json_summary(&sb, &s);
	ASSERT_LINE(sb, "{\"type\":\"summary\",\"abis\":[{\"abi\":\"x86_64\",\"syscalls\":["
			"{\"name\":\"read\",\"calls\":2,\"errors\":1,\"time_ns\":150}],"
			"\"total\":{\"calls\":2,\"errors\":1,\"time_ns\":150}}]}\n");
	summary_free(&s);
	arena_free(&a);
}

/* Every byte value in every string position still gives a line that parses. */
Test(json_event, every_byte_parses)
{
	struct arena a = {0};
	struct strbuf sb = {0};
	struct sc_event ev;
	char bytes[3];

	ev_openat(&ev, &a);
	for (int b = 0; b < 256; b++) {
		for (int pos = 0; pos < 3; pos++) {
			memcpy(bytes, "a\xc3\xa9", 3);
			bytes[pos] = (char)b;
			val_str(&ev.args[1], &a, bytes, 3, b & 1);
			json_syscall(&sb, &head, &ev, NULL);
			cr_assert(json_line_ok(sb.buf), "byte %#x at %d: %s", b, pos, sb.buf);
			strbuf_reset(&sb);
		}
	}
	strbuf_free(&sb);
	arena_free(&a);
}

/* Every event type, validated by python3's jsonschema against docs/json-schema.json. */
static int schema_check(const char *lines)
{
	char dir[512], path[] = "/tmp/ptrc-json-XXXXXX", cmd[2048];
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, lines, strlen(lines)), (ssize_t)strlen(lines));
	close(fd);
	snprintf(dir, sizeof(dir), "%s", __FILE__);
	*strstr(dir, "/tests/unit/") = '\0';
	snprintf(cmd, sizeof(cmd),
		 "python3 -c 'import json,sys,jsonschema\n"
		 "v=jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))\n"
		 "for l in open(sys.argv[2]): v.validate(json.loads(l))' %s/docs/json-schema.json "
		 "%s",
		 dir, path);
	int rc = system(cmd);
	unlink(path);
	return rc;
}

Test(json_schema, every_event_validates)
{
	struct arena a = {0};
	struct strbuf sb = {0};
	struct sc_event ev;
	struct val si;
	struct unwind_frame fr[2] = {
		{.pc = 0x401000,
		 .rel = 0x1000,
		 .module = "/bin/x",
		 .func = "main",
		 .func_off = 4,
		 .file = "x.c",
		 .line = 3,
		 .flags = UNWIND_FRAME_HAS_OFF},
		{.pc = 0x401010,
		 .func = "f",
		 .inlined_into = "main",
		 .flags = UNWIND_FRAME_INLINED},
	};
	struct unwind_trace st = {.frames = fr, .n = 2, .stop = UNWIND_STOP_DEPTH};
	struct json_violation v = {.action = "kill", .rule_file = "p", .rule_line = 1};
	struct json_violation_count c = {.syscall = "ptrace", .count = 1};
	struct summary s = {0};

	if (system("python3 -c 'import jsonschema' 2>/dev/null"))
		cr_skip_test("python3 jsonschema is not installed");
	json_header(&sb, "0.1.0");
	ev_openat(&ev, &a);
	json_syscall(&sb, &head, &ev, &st);
	ev.is_error = true, ev.ret = -2;
	json_syscall(&sb, &head, &ev, NULL);
	ev.exited = false;
	json_syscall(&sb, &head, &ev, NULL);
	val_struct(&si, &a, 1);
	val_sig(val_field(&si, &a, 0, "si_signo"), SIGSEGV);
	json_signal(&sb, &head, SIGSEGV, &si);
	json_signal(&sb, &head, 77, NULL);
	struct json_exec e = {.exe = "/bin/\xff", .abi = "x86_64", .former_tid = 12};
	json_exec(&sb, &head, &e);
	e.argv = "ls\0-l\0";
	e.argv_len = 6;
	e.cwd = "/tmp";
	json_exec(&sb, &head, &e);
	json_task_start(&sb, &head, JSON_START_LAUNCH, 0, 0);
	json_task_exit(&sb, &head, 0, "/bin/ls");
	json_task_exit(&sb, &head, SIGKILL, NULL);
	struct crash_report rep;
	fake_crash(&rep, &a, &st);
	json_crash(&sb, &head, &rep);
	json_violation(&sb, &head, &ev, &v, &st);
	json_policy_summary(&sb, &c, 1, "deny");
	summary_add(&s, abi_by_id(ABI_I386), 1, false, 10);
	json_summary(&sb, &s);
	cr_assert_eq(schema_check(sb.buf), 0, "%s", sb.buf);
	/* The check can fail: a syscall line without "ret". */
	cr_assert_neq(schema_check("{\"type\":\"syscall\",\"pid\":1,\"tid\":1,\"name\":\"x\","
				   "\"nr\":0,\"args\":[]}\n"),
		      0);
	summary_free(&s);
	strbuf_free(&sb);
	arena_free(&a);
}
