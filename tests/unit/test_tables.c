/*
 * The two ends of every table agree: the signature table and each ABI's
 * generated numbers, the multiplexers' sub-call tables and the signatures
 * they name, the ABIs' wide-call tables and the calls' argument counts, the
 * argument roles among themselves, the ABI registry with its rows, and the ioctl request
 * tables with their argument sets and decoders.
 */
#include <criterion/criterion.h>
#include <string.h>
#include <linux/fs.h>

#include "arch/abi.h"
#include "arch/layout.h"
#include "arch/regs.h"
#include "sys/decode.h"
#include "sys/decoders.h"
#include "sys/flags.h"
#include "sys/sysent.h"

static const struct systab_raw *in_abi(const struct ptrc_abi *abi, const char *name)
{
	for (unsigned i = 0; i < abi->systab->len; i++)
		if (!strcmp(abi->systab->entries[i].name, name))
			return &abi->systab->entries[i];
	return NULL;
}

/* Every syscall of every ABI has a signature; every signature is some ABI's call. */
Test(tables, signatures_and_numbers)
{
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct ptrc_abi *abi = abi_by_id((enum abi_id)id);
		for (unsigned i = 0; i < abi->systab->len; i++)
			cr_expect(sysent_by_name(abi->systab->entries[i].name),
				  "%s's %s lacks a syscalls.def entry", abi->name,
				  abi->systab->entries[i].name);
	}
	for (unsigned i = 0; i < sysent_count; i++) {
		const char *name = sysent_table[i].name;
		/* send and recv exist only as i386 socketcall sub-calls (call.c). */
		if (!strcmp(name, "send") || !strcmp(name, "recv"))
			continue;
		cr_expect(systab_name_known(name), "%s is in no ABI's table", name);
	}
}

/* Argument roles: a dirfd belongs to the path after it; lengths name an argument. */
Test(tables, argument_roles)
{
	for (unsigned i = 0; i < sysent_count; i++) {
		const struct sysent *e = &sysent_table[i];
		cr_expect_leq(e->nargs, 6, "%s", e->name);
		for (unsigned k = 0; k < e->nargs; k++) {
			const struct argspec *a = &e->args[k];
			if (a->kind == AK_DIRFD)
				cr_expect(k + 1 < e->nargs && e->args[k + 1].kind == AK_PATH,
					  "%s: the dirfd in argument %u is not before a path",
					  e->name, k);
			if (a->kind == AK_IBUF || a->kind == AK_SOCKBUF || a->kind == AK_SOCKOBUF ||
			    a->kind == AK_SOCKADDR)
				cr_expect(a->len_arg < e->nargs && a->len_arg != k,
					  "%s: argument %u's length is argument %u", e->name, k,
					  a->len_arg);
			if (a->kind == AK_FLAGS || a->kind == AK_ENUM || a->kind == AK_FAMILY)
				cr_expect_not_null(a->tab, "%s: argument %u has no names", e->name,
						   k);
		}
		/* Traits that say what a call carries need the decoding they imply. */
		if (e->traits & TR_MULTIPLEX)
			cr_expect(!(e->traits & TR_EXEC), "%s", e->name);
	}
}

/* Calls that become others (i386 socketcall and ipc) name signatures with those arguments. */
Test(tables, multiplexed_calls)
{
	const struct ptrc_abi *a32 = abi_by_id(ABI_I386);
	const char *name;
	unsigned n = 0;

	for (; (name = sys_multiplexed_name(n)); n++)
		cr_expect_not_null(sysent_by_name(name), "no signature for %s", name);
	cr_expect_geq(n, 20 + 12, "socketcall's 20 calls and ipc's 12");
	unsigned multiplexers = 0;
	for (unsigned i = 0; i < a32->systab->len; i++) {
		const struct sysent *e = sysent_by_name(a32->systab->entries[i].name);
		multiplexers += e && (e->traits & TR_MULTIPLEX);
	}
	cr_expect_eq(multiplexers, 2, "i386 has socketcall and ipc");
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct ptrc_abi *abi = abi_by_id((enum abi_id)id);
		if (abi->word_size == 8)
			cr_expect_null(in_abi(abi, "socketcall"), "%s", abi->name);
	}
}

/* Logical arguments in a spec: one per digit or "(ab)" group. */
static unsigned spec_args(const char *spec)
{
	unsigned n = 0;

	for (const char *p = spec; *p; n++)
		p += *p == '(' ? 4 : 1;
	return n;
}

/* An ABI's wide calls are its own calls, with as many logical arguments as their signature. */
Test(tables, wide_calls)
{
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct ptrc_abi *abi = abi_by_id((enum abi_id)id);
		for (const struct abi_wide_call *w = abi->wide; w && w->name; w++) {
			const struct sysent *e = sysent_by_name(w->name);
			cr_expect_not_null(in_abi(abi, w->name), "%s has no %s", abi->name,
					   w->name);
			cr_assert_not_null(e, "%s: no signature for %s", abi->name, w->name);
			cr_expect_eq(spec_args(w->spec), e->nargs,
				     "%s %s: spec %s for %u arguments", abi->name, w->name, w->spec,
				     e->nargs);
			for (const char *p = w->spec; *p; p++)
				cr_expect(*p == '(' || *p == ')' || (*p >= '0' && *p <= '5'),
					  "%s %s: %s", abi->name, w->name, w->spec);
		}
	}
}

/* Each row of arch/abis.def is its own entry; what picks an ABI picks exactly one. */
Test(tables, abi_registry)
{
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct ptrc_abi *abi = abi_by_id((enum abi_id)id);
		cr_assert_not_null(abi);
		cr_expect_eq(abi->id, id, "%s", abi->name);
		cr_expect_eq(abi_by_audit_arch(abi->audit_arch), abi, "%s", abi->name);
		cr_expect_eq(abi_by_elf(abi->elf_machine, abi->elf_class), abi, "%s", abi->name);
		cr_expect_not_null(abi->layouts, "%s has no layouts", abi->name);
		cr_expect_not_null(abi->regs, "%s has no register layout", abi->name);
		cr_expect_eq(abi_by_regset_size(abi->regs->regset_size), abi, "%s", abi->name);
		cr_expect_eq(abi->regs->word_size, abi->word_size, "%s", abi->name);
		cr_expect(abi->layouts->epoll_event_size >= abi->layouts->epoll_data_off + 8, "%s",
			  abi->name);
	}
	cr_expect_null(abi_by_id(ABI_COUNT));
	cr_expect_not_null(abi_host()->seccomp_arches, "the host ABI names its OCI arches");
}

/* The ioctl request tables: each number named in one table, once (strace prints the names of
 * one number as "A or B", which is one entry); the argument sets, the decoders and the
 * 64-bit-only set hold named requests only, and a request is in one argument set at most. */
static const struct xlat *const ioctl_tabs[] = {
	&xl_ioctl_reqs,	     &xl_ioctl_dev_reqs,  &xl_ioctl_hdio_reqs, &xl_ioctl_sg_reqs,
	&xl_ioctl_mtd_reqs,  &xl_ioctl_v4l2_reqs, &xl_ioctl_kvm_reqs,  &xl_ioctl_kvm_x86_reqs,
	&xl_ioctl_drm_reqs,  &xl_ioctl_ptp_reqs,  &xl_ioctl_rtc_reqs,  &xl_ioctl_watchdog_reqs,
	&xl_ioctl_gpio_reqs, &xl_ioctl_tee_reqs,  &xl_ioctl_nsfs_reqs, &xl_ioctl_perf_reqs,
	&xl_ioctl_tty2_reqs,
};

Test(tables, ioctl_requests_named_once)
{
	unsigned total = 0;

	for (size_t t = 0; t < sizeof(ioctl_tabs) / sizeof(ioctl_tabs[0]); t++) {
		const struct xlat *x = ioctl_tabs[t];
		total += x->n;
		for (unsigned i = 0; i < x->n; i++) {
			uint32_t req = (uint32_t)x->ents[i].val;
			cr_expect_eq(ioctl_req_table(req), x, "%s is named in an earlier table",
				     x->ents[i].name);
			cr_expect_eq(xlat_name(x, req), x->ents[i].name,
				     "%s's number twice in its table", x->ents[i].name);
			for (size_t u = t + 1; u < sizeof(ioctl_tabs) / sizeof(ioctl_tabs[0]); u++)
				cr_expect_null(xlat_name(ioctl_tabs[u], req), "%s in two tables",
					       x->ents[i].name);
		}
	}
	cr_expect_gt(total, 700, "the tables hold %u names", total); /* 833, with DRM's */
}

Test(tables, ioctl_argument_sets_name_requests)
{
	static const struct xlat *const sets[] = {&xl_ioctl_noarg_reqs, &xl_ioctl_int_reqs,
						  &xl_ioctl_uint_reqs, &xl_ioctl_num_reqs};
	static const struct xlat *const lp64[] = {&xl_ioctl_lp64_reqs, &xl_ioctl_drm_lp64_reqs};

	for (size_t s = 0; s < sizeof(sets) / sizeof(sets[0]); s++)
		for (unsigned i = 0; i < sets[s]->n; i++) {
			uint32_t req = (uint32_t)sets[s]->ents[i].val;
			cr_expect_not_null(ioctl_req_table(req), "%s", sets[s]->ents[i].name);
			cr_expect_null(ioctl_find_dec(req), "%s has a decoder",
				       sets[s]->ents[i].name);
			for (size_t u = s + 1; u < sizeof(sets) / sizeof(sets[0]); u++)
				cr_expect_null(xlat_name(sets[u], req), "%s in two argument sets",
					       sets[s]->ents[i].name);
		}
	for (size_t s = 0; s < sizeof(lp64) / sizeof(lp64[0]); s++)
		for (unsigned i = 0; i < lp64[s]->n; i++)
			cr_expect_not_null(ioctl_req_table((uint32_t)lp64[s]->ents[i].val), "%s",
					   lp64[s]->ents[i].name);
	const struct ioctl_dec *const decs[] = {ioctl_block_decs, ioctl_storage_decs, ioctl_fs_decs,
						ioctl_chardev_decs};
	const unsigned ndecs[] = {ioctl_block_ndecs, ioctl_storage_ndecs, ioctl_fs_ndecs,
				  ioctl_chardev_ndecs};
	for (size_t s = 0; s < 4; s++)
		for (unsigned i = 0; i < ndecs[s]; i++) {
			cr_expect_not_null(ioctl_req_table(decs[s][i].req), "decoder %u of set %zu",
					   i, s);
			cr_expect_eq(ioctl_find_dec(decs[s][i].req), &decs[s][i],
				     "%#x decoded twice", decs[s][i].req);
		}
}

/* An i386 tracee's number of a request of a long or a pointer: named by its own table (none
 * of x86_64's names it), and the x86_64 request it is, whose number no i386 table names. */
Test(tables, ioctl_ilp32_requests_are_i386_numbers_of_lp64_ones)
{
	const uint32_t bszget32 = _IOC(_IOC_READ, _IOC_TYPE(BLKBSZGET), _IOC_NR(BLKBSZGET), 4);

	cr_expect_str_eq(xlat_name(&xl_ioctl_ilp32_reqs, bszget32), "BLKBSZGET");
	cr_expect_null(ioctl_req_table(bszget32), "x86_64 names BLKBSZGET's i386 number");
	cr_expect_eq(ioctl_ilp32_lp64(bszget32), BLKBSZGET);
	cr_expect_null(xlat_name(&xl_ioctl_ilp32_reqs, BLKBSZGET));
	cr_expect_eq(ioctl_ilp32_lp64(BLKBSZGET), 0);
	cr_expect_not_null(xlat_name(&xl_ioctl_lp64_reqs, BLKBSZGET));
	for (unsigned i = 0; i < xl_ioctl_ilp32_reqs.n; i++) {
		const uint32_t req = (uint32_t)xl_ioctl_ilp32_reqs.ents[i].val;
		const uint32_t lp64 = ioctl_ilp32_lp64(req);
		const char *name = xl_ioctl_ilp32_reqs.ents[i].name;

		cr_expect_eq(_IOC_SIZE(req), 4, "%s", name);
		cr_expect_null(ioctl_req_table(req), "%s's i386 number named on x86_64", name);
		cr_expect_not_null(xlat_name(&xl_ioctl_lp64_reqs, lp64), "%s not lp64", name);
		cr_expect_str_eq(xlat_name(ioctl_req_table(lp64), lp64), name);
	}
}
