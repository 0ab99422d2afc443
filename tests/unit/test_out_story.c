/* --summary-tree's text and JSON on hand-made records: exact, 80 columns. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/story.h"
#include "util/xalloc.h"

static void calls(struct story *s, uint32_t id, const char *name, unsigned n, unsigned errors)
{
	for (unsigned i = 0; i < n; i++)
		story_count(s, id, name, i < errors, 0);
}

/* A shell that ran python, with a child that crashed and one still running. */
static void make(struct story *s)
{
	uint32_t sh = story_add(s, 100, 0);
	struct story_proc *p = &s->p[sh - 1];
	p->cmd = xstrdup("python3 train_model.py --epochs 2");
	p->progs = xstrdup("sh\npython3");
	p->end_ns = 1304000000;
	p->utime_ns = 120000000;
	p->stime_ns = 30000000;
	p->hwm_kib = 3277;
	p->threads = 3;
	p->end = STORY_EXITED;
	calls(s, sh, "openat", 120, 3);
	calls(s, sh, "read", 88, 0);
	calls(s, sh, "write", 12, 0);
	calls(s, sh, "close", 10, 0);
	calls(s, sh, "mmap", 9, 0);
	calls(s, sh, "brk", 9, 0);
	calls(s, sh, "getpid", 1, 1);
	/* Time in calls: 1 ms and more shows, in the order of time. */
	story_count(s, sh, "read", false, 1200000000);
	story_count(s, sh, "openat", false, 3100000);
	story_count(s, sh, "getpid", false, 999999);

	uint32_t w = story_add(s, 101, 12000000);
	p = &s->p[w - 1];
	p->parent = sh;
	p->cmd = xstrdup("python3 train_model.py --epochs 2");
	p->progs = xstrdup("python3");
	p->end_ns = 512000000;
	p->utime_ns = 0;
	p->stime_ns = 0;
	p->hwm_kib = 900;
	p->threads = 1;
	p->end = STORY_KILLED;
	p->code = SIGSEGV;
	p->core = true;
	calls(s, w, "read", 2, 0);

	uint32_t r = story_add(s, 102, 20000000);
	p = &s->p[r - 1];
	p->parent = w;
	p->threads = 1;
	p->end = STORY_RUNNING;
}

Test(story, text_tree_exact)
{
	struct story s = {0};
	struct strbuf sb = {0};

	make(&s);
	story_format(&s, &sb);
	cr_assert_str_eq(
		sb.buf,
		"Process tree: 3 processes\n"
		"100 python3 train_model.py --epochs 2\n"
		"    sh -> python3, exit 0, +0.000s 1.304s, 3 threads, cpu 0.12s user 0.03s sys,\n"
		"    peak RSS 3.2 MiB\n"
		"    calls: openat 121 (3 errors), read 89, write 12, close 10, brk 9, 2 more\n"
		"    time in calls: read 1.200s, openat 0.003s\n"
		"  101 python3 train_model.py --epochs 2\n"
		"      killed by SIGSEGV (core dumped), +0.012s 0.500s, 1 thread,\n"
		"      cpu 0.00s user 0.00s sys, peak RSS 900 KiB\n"
		"      calls: read 2\n"
		"    102 ?\n"
		"        still running, +0.020s, 1 thread\n"
		"        no calls seen\n");
	strbuf_free(&sb);
	story_free(&s);
}

Test(story, long_lines_fit_80_columns)
{
	struct story s = {0};
	struct strbuf sb = {0};
	uint32_t id = 0;
	char cmd[300];

	memset(cmd, 'x', sizeof(cmd) - 1);
	cmd[sizeof(cmd) - 1] = '\0';
	for (int depth = 0; depth < 30; depth++) {
		uint32_t child = story_add(&s, 40000 + depth, 0);
		s.p[child - 1].parent = id;
		s.p[child - 1].cmd = xstrdup(cmd);
		s.p[child - 1].end = STORY_KILLED;
		s.p[child - 1].code = SIGKILL;
		calls(&s, child, "rt_sigprocmask", 100000, 99999);
		calls(&s, child, "clock_nanosleep", 100000, 99999);
		id = child;
	}
	s.partial = true;
	story_format(&s, &sb);
	cr_assert(strstr(
		sb.buf,
		"(calls: only those -e trace= selected, no bytes; --seccomp-bpf=no counts all)\n"));
	for (const char *l = sb.buf; *l;) {
		const char *nl = strchr(l, '\n');
		cr_assert(nl);
		/* An item wider than what is left of a deep line is the one exception. */
		char *line = strndup(l, (size_t)(nl - l));
		cr_assert(nl - l <= 80 || !strstr(line, ", "), "%s", line);
		free(line);
		l = nl + 1;
	}
	cr_assert(strstr(sb.buf, "\n40000 xxx"));
	cr_assert(strstr(sb.buf, "xxx...\n"));
	strbuf_free(&sb);
	story_free(&s);
}

Test(story, json_numbers_not_strings)
{
	struct story s = {0};
	struct strbuf sb = {0};

	make(&s);
	json_story(&sb, &s);
	cr_assert(strstr(sb.buf,
			 "{\"type\":\"summary_tree\",\"partial_counts\":false,"
			 "\"bytes_counted\":false,\"processes\":[{\"pid\":100,\"parent\":null,"
			 "\"cmd\":\"python3 train_model.py --epochs 2\","
			 "\"programs\":[\"sh\",\"python3\"],\"start_s\":0.000000,"
			 "\"duration_s\":1.304000,\"cpu_user_s\":0.120000,"
			 "\"cpu_sys_s\":0.030000,\"peak_rss_kib\":3277,\"threads\":3,"
			 "\"end\":\"exit\",\"exit_code\":0,\"syscalls\":[{\"name\":\"openat\","
			 "\"calls\":121,\"errors\":3,\"time_s\":0.003100},"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\"pid\":101,\"parent\":100,"), "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\"end\":\"killed\",\"signal\":\"SIGSEGV\",\"core_dumped\":true"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\"pid\":102,\"parent\":101,\"cmd\":null,\"programs\":[],"
				 "\"start_s\":0.020000,\"duration_s\":null,\"cpu_user_s\":null"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\"end\":\"running\",\"syscalls\":[]}]}\n"), "%s", sb.buf);
	strbuf_free(&sb);
	story_free(&s);
}

/* Why it ended, where the trace shows it: the sender of the signal, and a crash report. */
Test(story, end_reasons_name_the_sender_and_the_crash_report)
{
	struct story_proc p = {
		.end = STORY_KILLED, .code = SIGTERM, .killed_by = 42, .killer_sig = SIGTERM};
	char buf[96];

	story_end_text(&p, buf, sizeof(buf));
	cr_expect_str_eq(buf, "killed by SIGTERM, sent by 42");
	p.killer_sig = SIGINT; /* it got another signal from 42, and died of SIGTERM */
	story_end_text(&p, buf, sizeof(buf));
	cr_expect_str_eq(buf, "killed by SIGTERM");
	p = (struct story_proc){.end = STORY_KILLED, .code = SIGSEGV, .crash_report = true};
	story_end_text(&p, buf, sizeof(buf));
	cr_expect_str_eq(buf, "killed by SIGSEGV, crash report above");
}

/* Threads with their times (the first STORY_TASKS_MAX), signals with their last sender. */
Test(story, json_tasks_and_signals)
{
	struct story s = {0};
	struct strbuf sb = {0};
	uint32_t id = story_add(&s, 200, 0);

	s.p[0].threads = STORY_TASKS_MAX + 2;
	for (unsigned i = 0; i < STORY_TASKS_MAX + 2; i++) {
		uint32_t k = story_add_task(&s, id, 200 + (pid_t)i, 1000000 * (int64_t)i);
		cr_assert_eq(k, i < STORY_TASKS_MAX ? i + 1 : 0);
	}
	story_end_task(&s, id, 2, 201, 5000000);
	s.p[0].end_ns = 900000000;
	s.p[0].end = STORY_EXITED;
	story_settle_tasks(&s);
	story_add_signal(&s, id, SIGCHLD, 0);
	story_add_signal(&s, id, SIGTERM, 77);
	story_add_signal(&s, id, SIGCHLD, 0);
	json_story(&sb, &s);
	cr_assert(strstr(sb.buf, "\"threads\":258,\"tasks\":[{\"tid\":200,\"start_s\":0.000000,"
				 "\"duration_s\":0.900000},{\"tid\":201,\"start_s\":0.001000,"
				 "\"duration_s\":0.004000},{\"tid\":202,"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\"duration_s\":0.645000}],\"tasks_not_kept\":2,\"end\":\"exit\""),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\"signals\":[{\"signal\":\"SIGCHLD\",\"count\":2},"
				 "{\"signal\":\"SIGTERM\",\"count\":1,\"from\":77}],\"syscalls\""),
		  "%s", sb.buf);
	strbuf_free(&sb);
	story_free(&s);
}

/* Bytes per file, the written files, endpoints and failed socket calls, as the tree says. */
Test(story, bytes_endpoints_and_failed_connects)
{
	struct story s = {0};
	struct strbuf sb = {0};
	uint32_t id = story_add(&s, 7, 0);

	s.io_counted = true;
	uint32_t f = story_file(&s, id, "/data/train.bin", 0);
	story_file(&s, id, "/data/train.bin", 0);
	story_io_add(&s.p[0].files[f - 1].io, true, 3 * 1024 * 1024);
	f = story_file(&s, id, "out/metrics.jsonl", 0);
	story_io_add(&s.p[0].files[f - 1].io, false, 40);
	story_io_add(&s.p[0].files[f - 1].io, false, 1000);
	f = story_file_used(&s, id, "/tmp/log");
	story_io_add(&s.p[0].files[f - 1].io, false, 5);
	story_file(&s, id, "/etc/hosts", 0);
	uint32_t n = story_net(&s, id, "TCP", "10.0.0.2:41234", "10.0.0.9:443");
	cr_assert_eq(story_net(&s, id, "TCP", "10.0.0.2:41234", "10.0.0.9:443"), n);
	story_io_add(&s.p[0].nets[n - 1].io, false, 517);
	story_io_add(&s.p[0].nets[n - 1].io, true, 5000);
	story_net(&s, id, "TCP", "0.0.0.0:8080", NULL);
	story_net(&s, id, "UNIX-STREAM", "/run/x.sock", NULL);
	story_netfail(&s, id, "connect", "127.0.0.1:1", 111);
	story_netfail(&s, id, "connect", "127.0.0.1:1", 111);
	story_format(&s, &sb);
	cr_assert(strstr(sb.buf, "files: /data/train.bin 2 (read 3.0 MiB), "
				 "out/metrics.jsonl (wrote 1.0 KiB),\n"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "/tmp/log (inherited, wrote 5 B), /etc/hosts\n"), "%s", sb.buf);
	cr_assert(strstr(sb.buf, "written: out/metrics.jsonl, /tmp/log\n"), "%s", sb.buf);
	cr_assert(strstr(sb.buf, "network: TCP 10.0.0.2:41234 -> 10.0.0.9:443 (sent 517 B, "
				 "received 4.9 KiB)\n"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\n           TCP 0.0.0.0:8080 (no peer)\n"
				 "           UNIX-STREAM /run/x.sock\n"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "network failed: connect 127.0.0.1:1 ECONNREFUSED x2\n"), "%s",
		  sb.buf);
	strbuf_reset(&sb);
	json_story(&sb, &s);
	cr_assert(strstr(sb.buf, "{\"path\":\"/tmp/log\",\"opens\":0,\"failed\":0,\"reads\":0,"
				 "\"writes\":1,\"bytes_read\":0,\"bytes_written\":5}"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\"network\":[{\"proto\":\"TCP\",\"local\":\"10.0.0.2:41234\","
				 "\"peer\":\"10.0.0.9:443\",\"reads\":1,\"writes\":1,"
				 "\"bytes_read\":5000,\"bytes_written\":517}"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "{\"proto\":\"TCP\",\"local\":\"0.0.0.0:8080\",\"peer\":null,"),
		  "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\"network_failed\":[{\"call\":\"connect\",\"address\":"
				 "\"127.0.0.1:1\",\"errno\":\"ECONNREFUSED\",\"count\":2}]"),
		  "%s", sb.buf);
	strbuf_free(&sb);
	story_free(&s);
}

/* --summary-top N: N files a line, the most bytes first; 10 by default. */
Test(story, summary_top_files_per_line)
{
	struct story s = {0};
	struct strbuf sb = {0};
	uint32_t id = story_add(&s, 7, 0);
	char path[32];

	for (unsigned i = 0; i < 12; i++) {
		snprintf(path, sizeof(path), "/f%u", i);
		uint32_t f = story_file(&s, id, path, 0);
		story_io_add(&s.p[0].files[f - 1].io, true, 100 + i);
	}
	story_format(&s, &sb);
	cr_assert(strstr(sb.buf, "files: /f11 (read 111 B)") &&
			  strstr(sb.buf, "/f2 (read 102 B), 2 more"),
		  "%s", sb.buf);
	strbuf_reset(&sb);
	s.files_top = 2;
	story_format(&s, &sb);
	cr_assert(strstr(sb.buf, "files: /f11 (read 111 B), /f10 (read 110 B), 10 more\n"), "%s",
		  sb.buf);
	strbuf_free(&sb);
	story_free(&s);
}
