/*
 * The symbolizer on ELF files: sym_resolve() (symbolize.c), the cache in
 * front of it (symcache.c) and unwind_symbolize(), the demangler, and the
 * frame formatters, text (fmt_frames.c) and JSON (json_stack.c).  The input
 * is an ELF file, a mutated one mostly; it is the only module of a Dwfl that
 * sees no other file (no separate debug info, no debuginfod), wrapped in an
 * offline unwind state (uw_proc_offline).  Addresses are then looked up: the
 * module's bounds, addresses the file's own symbols, line tables and
 * sections name (when libdw can read them) and ones taken from the input's
 * last bytes, once with source lines and inline frames and once without.
 *
 * Each lookup must give 1 to MAX_FRAMES frames at the address, the inlined
 * calls first and the real function last; the same through the cache as
 * from sym_resolve(), and at most max frames, the function last, when
 * sym_resolve() is given a smaller max.  The text must be printable ASCII,
 * one line per frame, and the JSON valid.
 *
 * Input: the ELF file, maybe with bytes after its end, which ELF ignores
 * (make_elf_seeds.sh appends some).  Its last 33 bytes also choose: the last
 * byte the load address (bits 0-1), the module's path (bit 2) and the
 * formatters' options (bits 4-7), the 32 before it four addresses.
 */
#include <dwarf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "out/json.h"
#include "unwind/fmt_frames.h"
#include "unwind/internal.h"

enum {
	MAX_INPUT = 64 << 10, /* a bigger file only makes libdw slower */
	MAX_KEYS = 64,
	MAX_SYMBOLS = 12, /* symbols whose addresses are looked up (3 each) */
	MAX_LINES = 12,	  /* line table rows, over all CUs */
	MAX_SECTIONS = 6, /* SHF_ALLOC sections (2 each) */
	MAX_FRAMES = 32,  /* what symcache_get() asks sym_resolve() for */
	NO_SOURCE_KEYS = 16,
};

/* Where the file is loaded (its bias with add_p_vaddr false); the last one wraps around. */
static const uint64_t bases[4] = {0, 0x555555554000, 0x7f0000000000, 0xfffffffffff00000};
/* A path as /proc/PID/maps may show it: a backslash, an escape byte, UTF-8. */
static const char odd_name[] = "/tmp/odd\\dir/fu\x1b[7mzz\xc3\xa9.so";

/* Only the input: no file is looked for, no separate debug info, no debuginfod. */
static int no_elf(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr base,
		  char **file_name, Elf **elfp)
{
	(void)mod, (void)userdata, (void)modname, (void)base, (void)file_name, (void)elfp;
	return -1;
}

static int no_debuginfo(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr base,
			const char *file_name, const char *debuglink_file, GElf_Word debuglink_crc,
			char **debuginfo_file_name)
{
	(void)mod, (void)userdata, (void)modname, (void)base, (void)file_name;
	(void)debuglink_file, (void)debuglink_crc, (void)debuginfo_file_name;
	return -1;
}

static const Dwfl_Callbacks callbacks = {
	.find_elf = no_elf,
	.find_debuginfo = no_debuginfo,
	/* An ET_REL file's sections are placed one after the other, as for a .ko. */
	.section_address = dwfl_offline_section_address,
};

struct keys {
	uint64_t v[MAX_KEYS];
	size_t n;
};

static void add_key(struct keys *k, uint64_t v)
{
	if (k->n < MAX_KEYS)
		k->v[k->n++] = v;
}

/* The module's first and last byte, and the addresses just outside it. */
static void bound_keys(struct keys *k, Dwfl_Module *mod, uint64_t *start, uint64_t *end)
{
	Dwarf_Addr s = 0, e = 0;

	dwfl_module_info(mod, NULL, &s, &e, NULL, NULL, NULL, NULL);
	*start = s;
	*end = e;
	add_key(k, s);
	add_key(k, e - 1);
	add_key(k, e);
	add_key(k, s - 1);
}

/* Three addresses in the module, and one anywhere, from the 32 bytes before the last one. */
static void tail_keys(struct keys *k, const uint8_t *data, size_t size, uint64_t start,
		      uint64_t end)
{
	struct fz f = {data + (size > 33 ? size - 33 : 0), size > 33 ? 32 : 0};
	uint64_t span = end - start + 64;

	for (int i = 0; i < 3; i++)
		add_key(k, start + fz_u64(&f) % (span ? span : 1));
	add_key(k, fz_u64(&f));
}

/* A symbol's start, middle and last byte, for the first MAX_SYMBOLS that have an address. */
static void symbol_keys(struct keys *k, Dwfl_Module *mod)
{
	int n = dwfl_module_getsymtab(mod), taken = 0;

	for (int i = 1; i < n && taken < MAX_SYMBOLS; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		if (!dwfl_module_getsym_info(mod, i, &sym, &addr, NULL, NULL, NULL) || !addr)
			continue;
		taken++;
		add_key(k, addr);
		if (sym.st_size) {
			add_key(k, addr + sym.st_size / 2);
			add_key(k, addr + sym.st_size - 1);
		}
	}
}

/* Rows of the CUs' line tables, spread over each table: inlined code is where lines are. */
static void line_keys(struct keys *k, Dwfl_Module *mod)
{
	Dwarf_Die *cu = NULL;
	Dwarf_Addr bias;
	unsigned taken = 0;

	while (taken < MAX_LINES && (cu = dwfl_module_nextcu(mod, cu, &bias))) {
		Dwarf_Lines *lines;
		size_t nlines;
		if (dwarf_getsrclines(cu, &lines, &nlines) != 0 || !nlines)
			continue;
		size_t step = nlines / 4 ? nlines / 4 : 1;
		for (size_t i = 0; i < nlines && taken < MAX_LINES; i += step) {
			Dwarf_Addr a;
			if (dwarf_lineaddr(dwarf_onesrcline(lines, i), &a) == 0) {
				add_key(k, a + bias);
				taken++;
			}
		}
	}
}

/* The start and middle of the sections that are loaded, for a file without symbols. */
static void section_keys(struct keys *k, Dwfl_Module *mod)
{
	Dwarf_Addr bias;
	Elf *elf = dwfl_module_getelf(mod, &bias);
	Elf_Scn *scn = NULL;
	unsigned taken = 0;

	while (elf && taken < MAX_SECTIONS && (scn = elf_nextscn(elf, scn))) {
		GElf_Shdr shdr;
		if (!gelf_getshdr(scn, &shdr) || !(shdr.sh_flags & SHF_ALLOC) || !shdr.sh_size)
			continue;
		taken++;
		add_key(k, shdr.sh_addr + bias);
		add_key(k, shdr.sh_addr + bias + shdr.sh_size / 2);
	}
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* What unwind_symbolize() returned for pc: the frames' shape. */
static void check_frames(const struct unwind_frame *fr, int n, uint64_t pc, bool activation,
			 bool no_source)
{
	if (n < 1 || n > MAX_FRAMES || (no_source && n != 1))
		fz_fail("unwind_symbolize(%#llx): %d frames", (unsigned long long)pc, n);
	for (int i = 0; i < n; i++) {
		const struct unwind_frame *f = &fr[i];
		bool inlined = f->flags & UNWIND_FRAME_INLINED;
		if (f->pc != pc || !(f->flags & UNWIND_FRAME_ACTIVATION) != !activation)
			fz_fail("frame %d of %#llx: pc %#llx flags %#x", i, (unsigned long long)pc,
				(unsigned long long)f->pc, f->flags);
		if (inlined != (i + 1 < n))
			fz_fail("frame %d of %d of %#llx: inlined %d", i, n, (unsigned long long)pc,
				inlined);
		if (!same_str(f->module, fr[0].module))
			fz_fail("frame %d of %#llx: in another module", i, (unsigned long long)pc);
		if (no_source && f->file)
			fz_fail("%#llx: a source file without source lines",
				(unsigned long long)pc);
	}
	if (!fr[0].module && (fr[0].func || fr[0].rel != pc))
		fz_fail("%#llx: in no module, yet a function or a module address",
			(unsigned long long)pc);
}

/* Frames from the cache and from sym_resolve() for the same key: the same. */
static void check_same(const struct unwind_frame *f, const struct sym_frame *s, int i,
		       uint64_t delta)
{
	unsigned flags = f->flags & ~(unsigned)UNWIND_FRAME_ACTIVATION;

	if (!same_str(f->module, s->module) || !same_str(f->func, s->func) ||
	    !same_str(f->file, s->file) || !same_str(f->inlined_into, s->inlined_into) ||
	    f->line != s->line || f->col != s->col || flags != s->flags ||
	    f->rel != s->rel + delta || f->func_off != s->off + delta)
		fz_fail("frame %d: the cache and sym_resolve() differ: %s %s", i,
			f->func ? f->func : "-", s->func ? s->func : "-");
}

/* sym_resolve() itself on key, with room for every frame and with less. */
static void check_direct(struct unwind_proc *up, uint64_t key, const struct unwind_frame *fr, int n)
{
	struct sym_frame out[MAX_FRAMES];
	int k = sym_resolve(up, key, out, MAX_FRAMES);

	if (k != n)
		fz_fail("%#llx: %d frames from sym_resolve(), %d through the cache",
			(unsigned long long)key, k, n);
	for (int i = 0; i < n; i++)
		check_same(&fr[i], &out[i], i, fr[i].pc - key);
	for (size_t max = 1; max <= 2 && (int)max < n; max++) {
		k = sym_resolve(up, key, out, max);
		if (k < 1 || (size_t)k > max || !same_str(out[k - 1].func, fr[n - 1].func) ||
		    (out[k - 1].flags & UNWIND_FRAME_INLINED))
			fz_fail("%#llx: %d frames with max %zu, the last %s",
				(unsigned long long)key, k, max,
				out[k - 1].func ? out[k - 1].func : "-");
	}
}

/* Lines of text, each "lead...\n" in printable ASCII; returns their count. */
static size_t check_lines(const char *what, const struct strbuf *sb, const char *lead)
{
	size_t lines = 0, ll = strlen(lead);

	for (size_t i = 0; i < sb->len; lines++) {
		const char *nl = memchr(sb->buf + i, '\n', sb->len - i);
		if (!nl)
			fz_fail("%s: a line without a newline: %s", what, sb->buf + i);
		size_t len = (size_t)(nl - (sb->buf + i));
		if (len < ll || memcmp(sb->buf + i, lead, ll))
			fz_fail("%s: a line that does not start with \"%s\": %s", what, lead,
				sb->buf);
		fz_check_printable(what, sb->buf + i, len);
		i += len + 1;
	}
	return lines;
}

/* The frames through both text formatters and the JSON one. */
static void format(const struct unwind_frame *fr, int n, uint8_t opt)
{
	struct fmt_frames_opts o = {
		.no_source = opt & 0x10, .full_path = opt & 0x20, .collapse = opt & 0x40};
	struct unwind_trace t = {.frames = (struct unwind_frame *)fr, .n = (size_t)n};
	struct strbuf sb = {0};

	if (opt & 0x80) {
		o.lead = "  # ";
		t.stop = UNWIND_STOP_DEPTH;
		t.stop_msg = "stack truncated: more than 256 frames";
	}
	for (int i = 0; i < n; i++) {
		strbuf_reset(&sb);
		fmt_frame(&sb, &fr[i], &o);
		fz_check_printable("fmt_frame", sb.buf, sb.len);
	}
	strbuf_reset(&sb);
	fmt_frames(&sb, &t, &o);
	size_t lines = check_lines("fmt_frames", &sb, o.lead ? o.lead : " > ");
	size_t want = (size_t)n + (t.stop != UNWIND_STOP_END);
	if (o.collapse ? lines > want : lines != want)
		fz_fail("fmt_frames: %zu lines for %d frames: %s", lines, n, sb.buf);
	if (fz_show())
		fputs(sb.buf, stderr);
	strbuf_reset(&sb);
	strbuf_adds(&sb, "{\"n\":1");
	json_stack_member(&sb, &t);
	strbuf_addc(&sb, '}');
	fz_check_json("json_stack_member", sb.buf, sb.len);
	strbuf_free(&sb);
}

/*
 * One address: as a frame's exact pc, or as the return address after it
 * (which unwind_symbolize() looks up one byte before), twice (the second time
 * from the cache), and sym_resolve() on it.
 */
static void lookup(struct unwind_proc *up, uint64_t key, bool activation, uint8_t opt)
{
	struct arena ar = {0};
	struct unwind_frame *fr = NULL, *again = NULL;
	bool no_source = up->cache.no_source;

	if (key == UINT64_MAX)
		activation = true; /* no return address after it: pc 0 is looked up as it is */
	uint64_t pc = activation ? key : key + 1;
	int n = unwind_symbolize(up, pc, activation, &ar, &fr);
	check_frames(fr, n, pc, activation, no_source);
	int m = unwind_symbolize(up, pc, activation, &ar, &again);
	if (m != n)
		fz_fail("%#llx: %d frames, then %d from the cache", (unsigned long long)pc, n, m);
	for (int i = 0; i < n; i++) {
		struct sym_frame s = {.module = again[i].module,
				      .func = again[i].func,
				      .file = again[i].file,
				      .inlined_into = again[i].inlined_into,
				      .rel = again[i].rel,
				      .off = again[i].func_off,
				      .line = again[i].line,
				      .col = again[i].col,
				      .flags = again[i].flags & ~(unsigned)UNWIND_FRAME_ACTIVATION};
		check_same(&fr[i], &s, i, 0);
	}
	check_direct(up, key, fr, n);
	format(fr, n, opt);
	arena_free(&ar);
}

/* The file in a memory file, for libelf to open by its /proc/self/fd path. */
static int memory_file(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz_symbolize", MFD_CLOEXEC);

	if (fd < 0)
		fz_fail("memfd_create: %m");
	for (size_t done = 0; done < size;) {
		ssize_t w = write(fd, data + done, size - done);
		if (w <= 0)
			fz_fail("write to the memory file: %m");
		done += (size_t)w;
	}
	return fd;
}

/* An offline unwind state whose one module is the input (none when libdwfl refuses it). */
static struct unwind_proc *report(int fd, uint8_t opt, Dwfl_Module **mod)
{
	char path[64];
	Dwfl *dwfl = dwfl_begin(&callbacks);

	if (!dwfl)
		fz_fail("dwfl_begin: %s", dwfl_errmsg(-1));
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	dwfl_report_begin(dwfl);
	/* libdwfl opens the path itself, and closes what it opened. */
	*mod = dwfl_report_elf(dwfl, opt & 4 ? odd_name : "/tmp/fuzz.so", path, -1, bases[opt & 3],
			       false);
	if (dwfl_report_end(dwfl, NULL, NULL) != 0)
		fz_fail("dwfl_report_end: %s", dwfl_errmsg(-1));
	return uw_proc_offline(dwfl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keys k = {.n = 0};
	uint8_t opt = size ? data[size - 1] : 0;
	uint64_t start = 0, end = 0;
	Dwfl_Module *mod;

	if (size > MAX_INPUT)
		return 0;
	int fd = memory_file(data, size);
	struct unwind_proc *up = report(fd, opt, &mod);
	if (mod) {
		bound_keys(&k, mod, &start, &end);
		symbol_keys(&k, mod);
		line_keys(&k, mod);
		section_keys(&k, mod);
	}
	tail_keys(&k, data, size, start, end);
	for (size_t i = 0; i < k.n; i++)
		lookup(up, k.v[i], i % 2 == 0, opt);
	/* The same addresses without source lines or inline frames (ptrc -k with no_source). */
	symcache_flush(&up->cache);
	up->cache.no_source = true;
	for (size_t i = 0; i < k.n && i < NO_SOURCE_KEYS; i++)
		lookup(up, k.v[i], i % 2 == 1, opt);
	unwind_proc_free(up);
	close(fd);
	return 0;
}
