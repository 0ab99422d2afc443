/* Flag and enumeration name tables shared by the decoders (see flags*.c). */
#ifndef PTRC_SYS_FLAGS_H
#define PTRC_SYS_FLAGS_H

#include "xlat.h"

extern const struct xlat xl_open_accmode;
extern const struct xlat xl_open_flags;
extern const struct xlat xl_at_flags;
extern const struct xlat xl_statx_sync;
extern const struct xlat xl_statx_attrs;
extern const struct xlat xl_statx_mask;
extern const struct xlat xl_access_modes;
extern const struct xlat xl_seek_whence;
extern const struct xlat xl_fcntl_cmds;
extern const struct xlat xl_fd_flags;
extern const struct xlat xl_lock_types;
extern const struct xlat xl_seals;
extern const struct xlat xl_flock_ops;
extern const struct xlat xl_file_types;
extern const struct xlat xl_mode_bits;
extern const struct xlat xl_rename_flags;
extern const struct xlat xl_fadvise;
extern const struct xlat xl_falloc_flags;
extern const struct xlat xl_pipe_flags;
extern const struct xlat xl_cloexec_flags;
extern const struct xlat xl_efd_flags;
extern const struct xlat xl_epoll_create_flags;
extern const struct xlat xl_epoll_ops;
extern const struct xlat xl_epoll_events;
extern const struct xlat xl_poll_events;
extern const struct xlat xl_memfd_flags;
extern const struct xlat xl_inotify_init_flags;
extern const struct xlat xl_inotify_mask;
extern const struct xlat xl_tfd_create_flags;
extern const struct xlat xl_tfd_settime_flags;
extern const struct xlat xl_splice_flags;
extern const struct xlat xl_signals;
extern const struct xlat xl_sigprocmask_how;
extern const struct xlat xl_sig_handler;
extern const struct xlat xl_sa_flags;
extern const struct xlat xl_ss_flags;
extern const struct xlat xl_sys_codes;
extern const struct xlat xl_prot;
extern const struct xlat xl_map_type;
extern const struct xlat xl_map_flags;
extern const struct xlat xl_madvise;
extern const struct xlat xl_mremap_flags;
extern const struct xlat xl_msync_flags;
extern const struct xlat xl_mlockall_flags;
extern const struct xlat xl_mlock_flags;
extern const struct xlat xl_clone_flags;
extern const struct xlat xl_futex_cmds;
extern const struct xlat xl_futex_ops;
extern const struct xlat xl_futex_op_flags;
extern const struct xlat xl_arch_prctl;
/* prctl (flags_prctl.c) and capabilities (flags_caps.c). */
extern const struct xlat xl_prctl_options;
extern const struct xlat xl_dumpable;
extern const struct xlat xl_pr_unalign;
extern const struct xlat xl_pr_tsc;
extern const struct xlat xl_pr_fp_mode;
extern const struct xlat xl_seccomp_mode;
extern const struct xlat xl_secbits;
extern const struct xlat xl_mce_kill;
extern const struct xlat xl_mce_kill_policy;
extern const struct xlat xl_pr_set_mm;
extern const struct xlat xl_pr_ptracer;
extern const struct xlat xl_cap_ambient;
extern const struct xlat xl_sve_vl_flags;
extern const struct xlat xl_sme_vl_flags;
extern const struct xlat xl_spec_which;
extern const struct xlat xl_spec_set;
extern const struct xlat xl_spec_ctrl;
extern const struct xlat xl_pac_keys;
extern const struct xlat xl_pac_enabled_keys;
extern const struct xlat xl_tagged_addr;
extern const struct xlat xl_mte_tcf;
extern const struct xlat xl_sys_dispatch;
extern const struct xlat xl_sched_core;
extern const struct xlat xl_sched_core_scope;
extern const struct xlat xl_pr_set_vma;
extern const struct xlat xl_caps;
extern const struct xlat xl_cap_versions;
extern const struct xlat xl_cap_mask_lo;
extern const struct xlat xl_cap_mask_hi;
/* adjtimex (flags_timex.c), sched_attr and personality (flags_kproc.c). */
extern const struct xlat xl_adj_modes;
extern const struct xlat xl_sta_status;
extern const struct xlat xl_time_states;
extern const struct xlat xl_sched_attr_flags;
extern const struct xlat xl_personalities;
extern const struct xlat xl_personality_flags;
extern const struct xlat xl_wait_options;
extern const struct xlat xl_ptrace_events;
extern const struct xlat xl_ptrace_reqs; /* flags_ptrace.c */
extern const struct xlat xl_ptrace_opts;
extern const struct xlat xl_nt_types;	      /* PTRACE_GETREGSET's NT_* */
extern const struct xlat xl_ptrace_reqs_uapi; /* dec_ptrace_info.c: <linux/ptrace.h>'s */
extern const struct xlat xl_audit_arches;     /* siginfo.c */
extern const struct xlat xl_waitid_types;
extern const struct xlat xl_rlimits;
extern const struct xlat xl_rusage_who;
extern const struct xlat xl_clocks;
extern const struct xlat xl_timer_flags;
extern const struct xlat xl_itimers;
extern const struct xlat xl_grnd_flags;
extern const struct xlat xl_sched_policies;
extern const struct xlat xl_prio_which;
extern const struct xlat xl_address_families;
extern const struct xlat xl_socket_types;
extern const struct xlat xl_socket_flags;
extern const struct xlat xl_inet_protocols;
extern const struct xlat xl_netlink_protocols; /* flags_netlink.c */
extern const struct xlat xl_msg_flags;
extern const struct xlat xl_shutdown_modes;
extern const struct xlat xl_sockopt_levels;
extern const struct xlat xl_sol_socket_opts;
extern const struct xlat xl_sol_tcp_opts;
extern const struct xlat xl_sol_ip_opts;
extern const struct xlat xl_sol_ipv6_opts;
extern const struct xlat xl_sol_udp_opts; /* flags_sockopt.c */
extern const struct xlat xl_sol_netlink_opts;
extern const struct xlat xl_sol_packet_opts;
/* getsockopt's names where they differ from setsockopt's: SO_GET_FILTER (flags_sockopt.c). */
extern const struct xlat xl_sol_socket_getopts;
/* The netfilter and flow label option names of SOL_IP/SOL_IPV6 (flags_sockopt_nf.c). */
const struct xlat *sockopt_nf_table(int level, int name, bool get);
extern const struct xlat xl_scm_types; /* flags_cmsg.c */
extern const struct xlat xl_ip_cmsg_types;

extern const struct xlat xl_fs_magic;
extern const struct xlat xl_utime_nsec;
extern const struct xlat xl_xattr_flags;
extern const struct xlat xl_statfs_flags;
extern const struct xlat xl_sfd_flags;

extern const struct xlat xl_faccessat_flags;

extern const struct xlat xl_ioctl_reqs;
extern const struct xlat xl_ioctl_dev_reqs;  /* flags_ioctl_dev.c */
extern const struct xlat xl_ioctl_hdio_reqs; /* flags_ioctl_storage.c */
extern const struct xlat xl_ioctl_sg_reqs;
extern const struct xlat xl_ioctl_mtd_reqs;
extern const struct xlat xl_ioctl_v4l2_reqs;	/* flags_ioctl_v4l2.c */
extern const struct xlat xl_ioctl_kvm_reqs;	/* flags_ioctl_kvm.c */
extern const struct xlat xl_ioctl_kvm_x86_reqs; /* empty where ptrc is not built for x86 */
extern const struct xlat xl_ioctl_drm_reqs;	/* flags_ioctl_drm.c; empty without <drm.h> */
extern const struct xlat xl_ioctl_ptp_reqs;	/* flags_ioctl_chardev.c */
extern const struct xlat xl_ioctl_rtc_reqs;
extern const struct xlat xl_ioctl_watchdog_reqs;
extern const struct xlat xl_ioctl_gpio_reqs;
extern const struct xlat xl_ioctl_tee_reqs;
extern const struct xlat xl_ioctl_nsfs_reqs;
extern const struct xlat xl_ioctl_perf_reqs;
extern const struct xlat xl_ioctl_tty2_reqs;
extern const struct xlat xl_ioctl_noarg_reqs; /* flags_ioctl_args.c */
extern const struct xlat xl_ioctl_int_reqs;
extern const struct xlat xl_ioctl_uint_reqs;
extern const struct xlat xl_ioctl_num_reqs;
extern const struct xlat xl_ioctl_lp64_reqs;
/* The i386 numbers of requests of a long or a pointer, and their x86_64 number (or 0). */
extern const struct xlat xl_ioctl_ilp32_reqs;
uint32_t ioctl_ilp32_lp64(uint32_t req);
extern const struct xlat xl_ioctl_drm_lp64_reqs; /* flags_ioctl_drm.c */
extern const struct xlat xl_tcxonc_args;	 /* flags_ioctl.c */
extern const struct xlat xl_tcflsh_args;
extern const struct xlat xl_fs_inode_flags;
extern const struct xlat xl_fiemap_flags;
extern const struct xlat xl_fiemap_extent_flags;
extern const struct xlat xl_hdio_busstates; /* flags_ioctl_storage.c */
extern const struct xlat xl_hdio_nice_bits;
extern const struct xlat xl_mtd_file_modes;
extern const struct xlat xl_perf_ioc_flags; /* flags_ioctl_chardev.c */
extern const struct xlat xl_tiocm_bits;
extern const struct xlat xl_v4l2_buf_types; /* flags_ioctl_v4l2.c */
extern const struct xlat xl_rtc_vl_bits;    /* flags_ioctl_chardev.c */
extern const struct xlat xl_mtd_otp_modes;  /* flags_ioctl_storage.c */
extern const struct xlat xl_kvm_caps;	    /* flags_ioctl_kvm.c */
extern const struct xlat xl_term_bauds;
extern const struct xlat xl_term_csize;
extern const struct xlat xl_term_cflags;
extern const struct xlat xl_term_iflags;
extern const struct xlat xl_term_oflags;
extern const struct xlat xl_term_lflags;
extern const struct xlat xl_term_nldly;
extern const struct xlat xl_term_crdly;
extern const struct xlat xl_term_tabdly;
extern const struct xlat xl_term_bsdly;
extern const struct xlat xl_term_vtdly;
extern const struct xlat xl_term_ffdly;

/* bpf(2) (flags_bpf.c). */
extern const struct xlat xl_bpf_cmds;
extern const struct xlat xl_bpf_map_types;
extern const struct xlat xl_bpf_prog_types;
extern const struct xlat xl_bpf_attach_types;
extern const struct xlat xl_bpf_map_flags;
extern const struct xlat xl_bpf_prog_flags;
extern const struct xlat xl_bpf_file_flags;
extern const struct xlat xl_bpf_attach_flags;
extern const struct xlat xl_bpf_query_flags;
extern const struct xlat xl_bpf_test_run_flags;
extern const struct xlat xl_bpf_update_flags;
extern const struct xlat xl_bpf_lookup_flags;
extern const struct xlat xl_bpf_fd_types;
extern const struct xlat xl_bpf_kprobe_multi_flags;

/* perf_event_open(2) (flags_perf.c). */
extern const struct xlat xl_perf_types;
extern const struct xlat xl_perf_attr_sizes;
extern const struct xlat xl_perf_hw_ids;
extern const struct xlat xl_perf_sw_ids;
extern const struct xlat xl_perf_hw_cache_ids;
extern const struct xlat xl_perf_hw_cache_ops;
extern const struct xlat xl_perf_hw_cache_results;
extern const struct xlat xl_perf_sample_types;
extern const struct xlat xl_perf_read_formats;
extern const struct xlat xl_perf_branch_types;
extern const struct xlat xl_perf_bp_types;
extern const struct xlat xl_perf_flags;

/* SysV IPC (flags_ipc.c). */
extern const struct xlat xl_ipc_key;
extern const struct xlat xl_ipc_get_flags;
extern const struct xlat xl_shmget_flags;
extern const struct xlat xl_ipc_64;
extern const struct xlat xl_semctl_cmds;
extern const struct xlat xl_msgctl_cmds;
extern const struct xlat xl_shmctl_cmds;
extern const struct xlat xl_sem_flg;
extern const struct xlat xl_msg_flg;
extern const struct xlat xl_shmat_flags;

/* Keys (flags_keys.c), and error numbers (flags_errno.c). */
extern const struct xlat xl_errnos;
extern const struct xlat xl_keyctl_cmds;
extern const struct xlat xl_key_spec;
extern const struct xlat xl_key_reqkey_defl;
extern const struct xlat xl_keyctl_move_flags;
extern const struct xlat xl_keyctl_caps0;
extern const struct xlat xl_keyctl_caps1;

/* The new mount API (flags_mount.c), Landlock, fanotify, pidfd_open. */
extern const struct xlat xl_fsopen_flags;
extern const struct xlat xl_fsmount_flags;
extern const struct xlat xl_fspick_flags;
extern const struct xlat xl_open_tree_flags;
extern const struct xlat xl_move_mount_flags;
extern const struct xlat xl_mount_attr_flags;
extern const struct xlat xl_mount_setattr_flags;
extern const struct xlat xl_mount_propagation;
extern const struct xlat xl_fsconfig_cmds;
extern const struct xlat xl_landlock_create_flags;
extern const struct xlat xl_landlock_access_fs;
extern const struct xlat xl_landlock_rule_types;
extern const struct xlat xl_fan_classes;
extern const struct xlat xl_fan_init_flags;
extern const struct xlat xl_fan_mark_flags;
extern const struct xlat xl_fan_events;
extern const struct xlat xl_pidfd_open_flags;
extern const struct xlat xl_sigev_notify; /* flags_ksig.c */

/* io_uring (flags_io_uring.c). */
extern const struct xlat xl_io_uring_setup_flags;
extern const struct xlat xl_io_uring_features;
extern const struct xlat xl_io_uring_register_ops;
extern const struct xlat xl_io_uring_ops_dec;
extern const struct xlat xl_io_uring_ops;
extern const struct xlat xl_io_uring_op_flags;
extern const struct xlat xl_io_uring_restrictions;
extern const struct xlat xl_io_uring_sqe_flags;
extern const struct xlat xl_io_uring_rsrc_flags;
extern const struct xlat xl_io_wq_types;

/* Disk quotas (flags_quota.c): quotactl's commands, types, formats and masks. */
extern const struct xlat xl_quota_cmds;
extern const struct xlat xl_quota_types;
extern const struct xlat xl_quota_fmts;
extern const struct xlat xl_quota_qif;
extern const struct xlat xl_quota_dqf;
extern const struct xlat xl_quota_iif;
extern const struct xlat xl_xfs_quota_flags;
extern const struct xlat xl_xfs_quota_types;

#endif
