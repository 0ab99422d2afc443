/* What the tracer prints for the test programs: every line a program states must appear. */
#include "harness.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

TestSuite(trace, .fini = it_fini, .timeout = 120);

static struct it_run r;

#define RUN(...) IT_RUN(&r, __VA_ARGS__)

Test(trace, file_calls_strings_errors_unknown_syscall)
{
	RUN("-o", "@TRACE", it_prog("tp_files"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, string_limit_s5)
{
	RUN("-s", "5", "-o", "@TRACE", it_prog("tp_files"), "trunc");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, prctl_each_option_its_own_arguments)
{
	RUN("-o", "@TRACE", it_prog("tp_prctl"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, prctl_names_cut_at_s4)
{
	RUN("-s", "4", "-o", "@TRACE", it_prog("tp_prctl"), "trunc");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, prctl_x_raw)
{
	RUN("-X", "raw", "-o", "@TRACE", it_prog("tp_prctl"), "raw");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, prctl_x_verbose)
{
	RUN("-X", "verbose", "-o", "@TRACE", it_prog("tp_prctl"), "verbose");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, sysv_ipc)
{
	RUN("-o", "@TRACE", it_prog("tp_ipc"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, sysv_ipc_on_ids_that_do_not_exist)
{
	RUN("-o", "@TRACE", it_prog("tp_ipc"), "errors");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, sysv_ipc_x_raw)
{
	RUN("-X", "raw", "-o", "@TRACE", it_prog("tp_ipc"), "raw");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, sysv_ipc_x_verbose)
{
	RUN("-X", "verbose", "-o", "@TRACE", it_prog("tp_ipc"), "verbose");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, aio_submit_getevents_cancel)
{
	RUN("-o", "@TRACE", it_prog("tp_aio"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, timer_create_each_sigevent)
{
	RUN("-o", "@TRACE", it_prog("tp_timer"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, utimensat_utimes_times)
{
	RUN("-o", "@TRACE", it_prog("tp_utime"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, futex_waitv_waiters)
{
	RUN("-o", "@TRACE", it_prog("tp_futexv"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, move_pages_arrays)
{
	RUN("-o", "@TRACE", it_prog("tp_numa"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, io_uring_setup_and_register_opcodes)
{
	RUN("-o", "@TRACE", it_prog("tp_uring_reg"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* Memory policy modes with their flags, node masks of 1 to 200 bits, NULL, wild, cut short. */
Test(trace, mempolicy_modes_and_node_masks)
{
	RUN("-o", "@TRACE", it_prog("tp_numa"), "policy");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, file_times_sendfile_epoll_del)
{
	RUN("-o", "@TRACE", it_prog("tp_files"), "times");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, signal_actions_ign_dfl)
{
	RUN("-e", "trace=rt_sigaction,rt_sigprocmask,exit_group", "-o", "@TRACE",
	    it_prog("tp_signals"), "actions");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, xattr_flags)
{
	RUN("-o", "@TRACE", it_prog("tp_files"), "xattr");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, keys_each_command_its_own_arguments)
{
	RUN("-o", "@TRACE", it_prog("tp_keys"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, keys_errors)
{
	RUN("-o", "@TRACE", it_prog("tp_keys"), "errors");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, keys_x_raw)
{
	RUN("-X", "raw", "-o", "@TRACE", it_prog("tp_keys"), "raw");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, keys_x_verbose)
{
	RUN("-X", "verbose", "-o", "@TRACE", it_prog("tp_keys"), "verbose");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, quota_each_command_its_own_arguments)
{
	RUN("-o", "@TRACE", it_prog("tp_quota"), "errors");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, quota_x_raw)
{
	RUN("-X", "raw", "-o", "@TRACE", it_prog("tp_quota"), "raw");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, quota_x_verbose)
{
	RUN("-X", "verbose", "-o", "@TRACE", it_prog("tp_quota"), "verbose");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* What the kernel would write: the call is not made, the buffers keep the program's. */
Test(trace, quota_output_structs)
{
	RUN("-e", "inject=quotactl:retval=0", "-o", "@TRACE", it_prog("tp_quota"), "outputs");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, quota_output_structs_verbose)
{
	RUN("-v", "-e", "inject=quotactl:retval=0", "-o", "@TRACE", it_prog("tp_quota"),
	    "outputs_v");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, ptrace_requests_named_with_their_data)
{
	RUN("-o", "@TRACE", it_prog("tp_ptrace"), "errors");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, ptrace_requests_on_a_tracee_show_regsets_and_siginfo)
{
	RUN("-o", "@TRACE", it_prog("tp_ptrace"), "child");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, recvfrom_shows_the_source_and_its_value_result_length)
{
	RUN("-o", "@TRACE", it_prog("tp_recvfrom"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, ptrace_register_sets_show_their_registers)
{
	RUN("-o", "@TRACE", it_prog("tp_ptrace_regs"), "child");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, mmsg_arrays_sent_and_received)
{
	RUN("-o", "@TRACE", it_prog("tp_mmsg"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, cmsg_control_messages)
{
	RUN("-o", "@TRACE", it_prog("tp_cmsg"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, cmsg_ip_errqueue_and_sockopt_structs)
{
	RUN("-o", "@TRACE", it_prog("tp_cmsg6"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, sockopt_structs)
{
	RUN("-o", "@TRACE", it_prog("tp_sockopt"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, mount_api_landlock_fanotify_mq_pidfd)
{
	RUN("-o", "@TRACE", it_prog("tp_fsapi"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, mount_api_landlock_fanotify_mq_pidfd_x_raw)
{
	RUN("-X", "raw", "-o", "@TRACE", it_prog("tp_fsapi"), "raw");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, mount_api_landlock_fanotify_mq_pidfd_x_verbose)
{
	RUN("-X", "verbose", "-o", "@TRACE", it_prog("tp_fsapi"), "verbose");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, caps_personality_sched_attrs_timex)
{
	RUN("-o", "@TRACE", it_prog("tp_attrs"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, netlink_route_sock_diag_audit_messages)
{
	RUN("-o", "@TRACE", it_prog("tp_netlink"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* NETLINK_ROUTE rules, netconf, tc, nexthops and mdb: ip rule's, ip netconf's, tc qdisc's, ip
 * nexthop's and bridge mdb's dumps, messages with every attribute, unknown values. */
Test(trace, netlink_route_rule_netconf_tc_nexthop_mdb)
{
	RUN("-o", "@TRACE", it_prog("tp_netlink_rtm"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* bpf(2): maps, a program, ids, and what the kernel refuses (all refused unprivileged). */
Test(trace, bpf_attrs)
{
	RUN("-e", "trace=bpf,exit_group", "-o", "@TRACE", it_prog("tp_bpf"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* perf_event_open(2): the task clock, a breakpoint, hardware events (refused in a VM). */
Test(trace, perf_event_attr)
{
	RUN("-e", "trace=perf_event_open,exit_group", "-o", "@TRACE", it_prog("tp_perf"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, perf_event_attr_verbose)
{
	RUN("-v", "-e", "trace=perf_event_open,exit_group", "-o", "@TRACE", it_prog("tp_perf"),
	    "verbose");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, ioctl_zoo_names_and_arguments)
{
	RUN("-o", "@TRACE", it_prog("tp_ioctl_zoo"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* Requests of a long or a pointer: their i386 names on the -m32 build (integration_m32). */
Test(trace, ioctl_requests_of_a_word_named_per_abi)
{
	RUN("-o", "@TRACE", it_prog("tp_ioc32"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(trace, align_column_a20)
{
	RUN("-a", "20", "-o", "@TRACE", it_prog("tp_files"), "align");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 20);
}

Test(trace, align_column_counts_pid_prefix)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_files"), "align");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, fork_and_sigchld)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_procs"), "fork");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, stderr_pid_prefix_while_several_tasks)
{
	/* -q: "Process N attached" would land in the middle of a line. */
	RUN("-q", "-f", it_prog("tp_procs"), "fork");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_STDERR, 40);
	char want[64];
	char *pid = NULL;
	/* The child's lines are prefixed: find its getppid line by its own pid. */
	for (char *p = strstr(r.err, "[pid "); p && !pid; p = strstr(p + 1, "[pid "))
		if (strstr(p, "] getppid()") == strchr(p, ']'))
			pid = p;
	cr_assert(pid, "no \"[pid N] getppid()\" line on stderr:\n%s", r.err);
	snprintf(want, sizeof(want), "%.*s+++ exited with 7 +++", (int)(strchr(pid, ']') - pid) + 2,
		 pid);
	cr_assert(strstr(r.err, want), "no \"%s\" line on stderr:\n%s", want, r.err);
}

Test(trace, vfork_exit_and_exec)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_procs"), "vfork");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

/* CLONE_UNTRACED is taken out with -f: the children of clone and clone3 are traced, with
 * the seccomp filter of a filtered launch too (where an untraced child would get ENOSYS). */
Test(trace, untraced_clone_children_are_traced)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace 6.1 lets CLONE_UNTRACED children go");
	RUN("-f", "-o", "@TRACE", it_prog("tp_procs"), "untraced");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
	cr_expect(strstr(r.err, "with CLONE_UNTRACED: the flag was taken out"), "stderr:\n%s",
		  r.err);
	RUN("-f", "-e", "trace=openat,exit_group", "-o", "@TRACE", it_prog("tp_procs"), "untraced");
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	cr_expect(strstr(t, "\"/nonexistent/untraced-clone\", O_RDONLY) = -1 ENOENT") &&
			  strstr(t, "\"/nonexistent/untraced-clone3\", O_RDONLY) = -1 ENOENT"),
		  "under the filter:\n%s", t);
	free(t);
}

Test(trace, children_killed_by_sigsegv)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_procs"), "segv");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
	char *core = it_info(&r, "core_dumped");
	cr_log_info("the child with a core limit %s a core",
		    core && *core == '1' ? "dumped" : "did not dump");
	free(core);
}

Test(trace, fifty_threads)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_threads"), "many", "50");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, execve_from_non_leader_thread)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_threads"), "exec");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, leader_exits_before_its_threads)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_threads"), "zombie");
	it_assert_exit(&r, 4);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, unfinished_and_resumed)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_threads"), "unfinished");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, signal_delivery)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_signals"), "deliver");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, sigstop_really_stops_sigcont_continues)
{
	/* The program checks the stop itself (/proc state, no progress) and exits 1 if not. */
	RUN("-f", "-o", "@TRACE", it_prog("tp_signals"), "stopcont");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, sigkill_inside_blocking_syscall)
{
	RUN("-f", "-o", "@TRACE", it_prog("tp_signals"), "killed");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, train_model_demo)
{
	const char *script = getenv("PTRC_TRAIN_MODEL");

	cr_assert(script && *script, "PTRC_TRAIN_MODEL is not set");
	RUN("-f", "-o", "@TRACE", "python3", script);
	/* The demo leaves its log under /tmp; the test removes it. */
	const char *log = strstr(r.out, "log in /tmp/ptrc-train-");
	if (log) {
		char path[128];
		if (sscanf(log, "log in %127s", path) == 1)
			unlink(path);
	}
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(trace, as_a_normal_user)
{
	/* A normal user tracing their own program: uid/gid 65534 through setpriv, as root. */
	if (geteuid() != 0) {
		RUN("-f", "-o", "@TRACE", it_prog("tp_procs"), "fork");
	} else {
		char cmd[1024];
		snprintf(cmd, sizeof(cmd),
			 "setpriv --reuid=65534 --regid=65534 --clear-groups -- "
			 "sh -c 'test -x \"$0\" && test -x \"$1\"' '%s' '%s' 2>/dev/null",
			 it_tracer(), it_prog("tp_procs"));
		if (system(cmd) != 0)
			cr_skip_test("uid 65534 cannot run the tracer or the test program (or no "
				     "setpriv)");
		it_init(&r);
		r.as_nobody = true;
		const char *const argv[] = {"-f",   "-o", "@TRACE", it_prog("tp_procs"),
					    "fork", NULL};
		it_run(&r, argv);
	}
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}
