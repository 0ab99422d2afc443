/* Line assembly: alignment, prefixes, unfinished and resumed lines. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "out/text.h"
#include "sys/flags.h"

static const struct text_opts opts = {.acolumn = 40};

/* A stream whose output is read back from a pipe. */
struct capture {
	struct out_stream s;
	int rfd;
};

static void capture_init(struct capture *c)
{
	int p[2];
	cr_assert_eq(pipe(p), 0);
	out_init_fd(&c->s, p[1], false);
	c->s.owns_fd = true;
	c->rfd = p[0];
}

static char *capture_read(struct capture *c)
{
	static char buf[4096];
	out_close(&c->s);
	ssize_t n = read(c->rfd, buf, sizeof(buf) - 1);
	close(c->rfd);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

static void ev_read(struct sc_event *ev, struct arena *a)
{
	memset(ev, 0, sizeof(*ev));
	ev->name = "read";
	ev->nargs = 3;
	ev->split = 1;
	val_fd(&ev->args[0], 3);
	val_str(&ev->args[1], a, "abc", 3, false);
	val_uint(&ev->args[2], 4096);
	ev->exited = true;
	ev->ret = 3;
	val_int(&ev->retv, 3);
}

Test(text, whole_line_aligned)
{
	struct capture c;
	struct arena a = {0};
	struct sc_event ev;
	struct text_lead l = {.tid = 10, .style = LEAD_NONE};

	capture_init(&c);
	ev_read(&ev, &a);
	text_sc_entry(&c.s, &l, &ev, &opts);
	text_sc_exit(&c.s, &l, &ev, &opts);
	cr_assert_str_eq(capture_read(&c), "read(3, \"abc\", 4096)                    = 3\n");
	arena_free(&a);
}

Test(text, interleaved_tasks)
{
	struct capture c;
	struct arena a = {0};
	struct sc_event ev;
	struct text_lead l1 = {.tid = 10, .style = LEAD_PLAIN};
	struct text_lead l2 = {.tid = 11, .style = LEAD_PLAIN};

	capture_init(&c);
	ev_read(&ev, &a);
	text_sc_entry(&c.s, &l1, &ev, &opts);
	text_line(&c.s, &l2, "+++ exited with 0 +++");
	text_sc_exit(&c.s, &l1, &ev, &opts);
	cr_assert_str_eq(capture_read(&c), "10    read(3,  <unfinished ...>\n"
					   "11    +++ exited with 0 +++\n"
					   "10    <... read resumed>\"abc\", 4096)    = 3\n");
	arena_free(&a);
}

Test(text, bracket_lead_and_error)
{
	struct capture c;
	struct arena a = {0};
	struct sc_event ev;
	struct text_lead l = {.tid = 4242, .style = LEAD_BRACKET};

	capture_init(&c);
	memset(&ev, 0, sizeof(ev));
	ev.name = "openat";
	ev.nargs = 3;
	ev.split = 3;
	val_sym(&ev.args[0], "AT_FDCWD");
	val_str(&ev.args[1], &a, "/nonexistent", 12, false);
	struct val *items = val_or(&ev.args[2], &a, 2);
	val_enum(&items[0], 0, &xl_open_accmode);
	val_flags(&items[1], O_CLOEXEC, &xl_open_flags);
	ev.exited = true;
	ev.is_error = true;
	ev.ret = -2;
	text_sc_entry(&c.s, &l, &ev, &opts);
	text_sc_exit(&c.s, &l, &ev, &opts);
	cr_assert_str_eq(capture_read(&c),
			 "[pid  4242] openat(AT_FDCWD, \"/nonexistent\", O_RDONLY|O_CLOEXEC) = -1 "
			 "ENOENT (No such file or directory)\n");
	arena_free(&a);
}

Test(text, noreturn_with_pending_output)
{
	struct capture c;
	struct arena a = {0};
	struct sc_event ev;
	struct text_lead l = {.tid = 10, .style = LEAD_NONE};

	capture_init(&c);
	ev_read(&ev, &a);
	ev.exited = false;
	text_sc_entry(&c.s, &l, &ev, &opts);
	text_sc_noreturn(&c.s, &l, &ev, &opts);
	cr_assert_str_eq(capture_read(&c), "read(3,  <unfinished ...>)              = ?\n");
	arena_free(&a);
}

/* clone and ioctl: strace puts the ", " on the resumed half. */
Test(text, separator_at_exit)
{
	struct capture c;
	struct arena a = {0};
	struct sc_event ev;
	struct text_lead l1 = {.tid = 10, .style = LEAD_PLAIN};
	struct text_lead l2 = {.tid = 11, .style = LEAD_PLAIN};

	capture_init(&c);
	ev_read(&ev, &a);
	ev.name = "ioctl";
	ev.split = 2;
	ev.sep_at_exit = true;
	text_sc_entry(&c.s, &l1, &ev, &opts);
	text_line(&c.s, &l2, "+++ exited with 0 +++");
	text_sc_exit(&c.s, &l1, &ev, &opts);
	cr_assert_str_eq(capture_read(&c), "10    ioctl(3, \"abc\" <unfinished ...>\n"
					   "11    +++ exited with 0 +++\n"
					   "10    <... ioctl resumed>, 4096)        = 3\n");
	arena_free(&a);
}
