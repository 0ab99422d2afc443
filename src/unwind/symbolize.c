/*
 * One address -> frames, through libdw: the module, the ELF symbol
 * (.symtab, else .dynsym), the DWARF line, and one extra frame per inlined
 * call whose scope contains the address.
 */
#include <dwarf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The function name a DIE stands for: its linkage name demangled, else its name. */
static const char *die_func_name(struct symcache *c, Dwarf_Die *die)
{
	Dwarf_Attribute a;
	const char *name = NULL;

	if (dwarf_attr_integrate(die, DW_AT_linkage_name, &a) ||
	    dwarf_attr_integrate(die, DW_AT_MIPS_linkage_name, &a))
		name = dwarf_formstring(&a);
	if (name) {
		char *dem = unwind_demangle(name);
		if (dem) {
			const char *kept = sym_keep(c, dem);
			free(dem);
			return kept;
		}
	}
	if (!name && dwarf_attr_integrate(die, DW_AT_name, &a))
		name = dwarf_formstring(&a);
	return sym_keep(c, name);
}

/* An ELF symbol's name without its version ("@@GLIBC_2.34"), demangled. */
static const char *sym_name(struct symcache *c, const char *name)
{
	const char *at = strchr(name, '@');
	char *bare = at ? strndup(name, (size_t)(at - name)) : NULL;
	char *dem = unwind_demangle(bare ? bare : name);
	const char *kept = sym_keep(c, dem ? dem : bare ? bare : name);

	free(dem);
	free(bare);
	return kept;
}

/* Where an inlined call was made: DW_AT_call_file / DW_AT_call_line. */
static void call_site(struct symcache *c, Dwarf_Die *die, const char **file, unsigned *line,
		      unsigned *col)
{
	Dwarf_Attribute a;
	Dwarf_Word v;
	Dwarf_Die cu;
	Dwarf_Files *files;
	size_t nfiles;

	*file = NULL;
	*line = *col = 0;
	if (dwarf_attr(die, DW_AT_call_line, &a) && dwarf_formudata(&a, &v) == 0)
		*line = (unsigned)v;
	if (dwarf_attr(die, DW_AT_call_column, &a) && dwarf_formudata(&a, &v) == 0)
		*col = (unsigned)v;
	if (!dwarf_attr(die, DW_AT_call_file, &a) || dwarf_formudata(&a, &v) != 0)
		return;
	if (!dwarf_diecu(die, &cu, NULL, NULL) || dwarf_getsrcfiles(&cu, &files, &nfiles) != 0)
		return;
	if (v < nfiles)
		*file = sym_keep(c, dwarf_filesrc(files, v, NULL, NULL));
}

/* The name of the function scope i sits in: the next inlined or real function outwards. */
static const char *outer_name(struct symcache *c, Dwarf_Die *scopes, int n, int i)
{
	for (int j = i + 1; j < n; j++) {
		int tag = dwarf_tag(&scopes[j]);
		if (tag == DW_TAG_inlined_subroutine || tag == DW_TAG_subprogram)
			return die_func_name(c, &scopes[j]);
	}
	return NULL;
}

/*
 * The innermost DIE of cu whose ranges hold pc: at each level the first child
 * that holds it, as dwarf_getscopes() finds it.  That function goes on from
 * an inlined call to its abstract definition, which is not wanted here (the
 * concrete chain of callers is the innermost DIE's parents), and when that
 * step fails on broken DWARF (an abstract origin that names no DIE) libdw
 * (0.188) loses the array it allocated.  It is asked only when the DIE may be
 * in a partial unit that the CU imports (dwz), which libdw's walk enters.
 */
static bool innermost_scope(Dwarf_Die *cu, Dwarf_Addr pc, Dwarf_Die *inner)
{
	Dwarf_Die die = *cu, child;
	bool found = false, imports = false;
	int in = 0;

	while (dwarf_child(&die, &child) == 0) {
		do {
			in = dwarf_haspc(&child, pc);
			if (!found)
				imports |= dwarf_tag(&child) == DW_TAG_imported_unit;
		} while (in <= 0 && dwarf_siblingof(&child, &child) == 0);
		if (in <= 0)
			break;
		die = child;
		found = true;
	}
	if (found || !imports) {
		*inner = die;
		return found;
	}
	Dwarf_Die *scopes = NULL;
	int n = dwarf_getscopes(cu, pc, &scopes);
	if (n > 0)
		*inner = scopes[0];
	free(scopes);
	return n > 0;
}

/*
 * Adds one frame per inlined call around key, innermost first; updates
 * the file and line to the call site in the caller each time.  Returns the count.
 */
static int inline_frames(struct symcache *c, Dwfl_Module *mod, uint64_t key,
			 const struct sym_frame *base, struct sym_frame *out, size_t max)
{
	Dwarf_Addr bias = 0;
	Dwarf_Die *cu = dwfl_module_addrdie(mod, key, &bias);
	Dwarf_Die inner, *scopes = NULL;
	size_t k = 0;
	struct sym_frame cur = *base;
	/* The scopes around key: the innermost DIE, then its parents out to the CU. */
	int n = cu && innermost_scope(cu, key - bias, &inner) ? dwarf_getscopes_die(&inner, &scopes)
							      : 0;

	for (int i = 0; i < n && k + 1 < max; i++) {
		int tag = dwarf_tag(&scopes[i]);
		if (tag == DW_TAG_subprogram)
			break;
		if (tag != DW_TAG_inlined_subroutine)
			continue;
		struct sym_frame *f = &out[k++];
		*f = cur;
		f->func = die_func_name(c, &scopes[i]);
		f->inlined_into = outer_name(c, scopes, n, i);
		f->flags = UNWIND_FRAME_INLINED;
		Dwarf_Addr entry;
		if (dwarf_entrypc(&scopes[i], &entry) == 0 && entry + bias <= key) {
			f->off = key - (entry + bias);
			f->flags |= UNWIND_FRAME_HAS_OFF;
		}
		call_site(c, &scopes[i], &cur.file, &cur.line, &cur.col);
	}
	free(scopes);
	out[k] = cur;
	return (int)k;
}

static void src_line(struct symcache *c, Dwfl_Module *mod, uint64_t key, struct sym_frame *f)
{
	Dwfl_Line *ln = dwfl_module_getsrc(mod, key);
	int line = 0, col = 0;
	const char *file;

	if (!ln)
		return;
	file = dwfl_lineinfo(ln, NULL, &line, &col, NULL, NULL);
	if (!file || line <= 0)
		return;
	f->file = sym_keep(c, file);
	f->line = (unsigned)line;
	f->col = col > 0 ? (unsigned)col : 0;
}

static Dwfl_Module *find_module(struct unwind_proc *up, uint64_t key)
{
	Dwfl_Module *mod = dwfl_addrmodule(up->dwfl, key);

	/* A map change the tracer did not report: read the maps again, once per generation. */
	if (!mod && !up->refreshed_on_miss) {
		up->refreshed_on_miss = true;
		if (uw_dwfl_refresh(up) == 0)
			mod = dwfl_addrmodule(up->dwfl, key);
	}
	return mod;
}

/*
 * strace -k's [0x...]: the address's offset in its file (the mapping's
 * offset plus the distance into it).  For a shared object or a PIE that is
 * the module-relative address; for a non-PIE executable (Debian's python3)
 * the virtual address is not, so the segment holding it says.  1 with *out
 * set; 0 when no loaded segment holds it (an anonymous mapping in a hole of
 * the module's range, as JIT code can be); -1 when the ELF cannot tell.
 */
static int file_offset(Dwfl_Module *mod, uint64_t key, uint64_t *out)
{
	GElf_Addr bias;
	Elf *elf = dwfl_module_getelf(mod, &bias);
	size_t n;

	if (!elf || elf_getphdrnum(elf, &n) != 0)
		return -1;
	uint64_t vaddr = key - bias;
	for (size_t i = 0; i < n; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD)
			continue;
		if (vaddr >= ph.p_vaddr && vaddr - ph.p_vaddr < ph.p_memsz) {
			*out = vaddr - ph.p_vaddr + ph.p_offset;
			return 1;
		}
	}
	return 0;
}

/* An address in no module: JIT code, named by the JIT's perf map if it writes one. */
static void jit_name(struct unwind_proc *up, uint64_t key, struct sym_frame *f)
{
	const char *map = NULL;
	const char *name = up->offline ? NULL : perfmap_find(up, key, &f->off, &map);

	if (name) {
		f->module = sym_keep(&up->cache, map);
		f->func = sym_keep(&up->cache, name);
		f->flags |= UNWIND_FRAME_HAS_OFF;
	}
}

/* The ELF symbol, the source line and the inlined calls of key in mod, into out. */
static int resolve_in_module(struct unwind_proc *up, Dwfl_Module *mod, uint64_t key,
			     struct sym_frame f, struct sym_frame *out, size_t max)
{
	struct symcache *c = &up->cache;
	GElf_Off off = 0;
	GElf_Sym sym;
	const char *name = dwfl_module_addrinfo(mod, key, &off, &sym, NULL, NULL, NULL);

	if (name) {
		f.func = sym_name(c, name);
		f.off = off;
		f.flags |= UNWIND_FRAME_HAS_OFF;
	}
	if (c->no_source) {
		out[0] = f;
		return 1;
	}
	src_line(c, mod, key, &f);
	struct sym_frame base = f;
	int k = inline_frames(c, mod, key, &base, out, max);
	/* out[k] is the real function, at the call site of the outermost inlined call. */
	out[k].func = f.func;
	out[k].off = f.off;
	out[k].flags = f.flags;
	return k + 1;
}

/* The key of key's answer in the shared cache, or 0 when it is not shared. */
static uint64_t share_key(const struct unwind_proc *up, Dwfl_Module *mod, uint64_t key)
{
	GElf_Addr bias;

	/* An offline state (the fuzz target) names its own files: never mixed with others. */
	if (up->offline || up->cache.no_source || !dwfl_module_getelf(mod, &bias))
		return 0;
	return symshare_key(mod, key - bias);
}

int sym_resolve(struct unwind_proc *up, uint64_t key, struct sym_frame *out, size_t max)
{
	struct symcache *c = &up->cache;
	struct sym_frame f = {.rel = key};
	Dwfl_Module *mod;

	if (!up->dwfl)
		return -ENOENT;
	mod = find_module(up, key);
	int in_file = mod ? file_offset(mod, key, &f.rel) : 0;
	if (!mod || in_file == 0) {
		f.rel = key;
		jit_name(up, key, &f);
		out[0] = f;
		return 1;
	}
	f.module = sym_keep(c, dwfl_module_info(mod, NULL, NULL, NULL, NULL, NULL, NULL, NULL));
	Dwarf_Addr rel = key;
	if (in_file < 0 && dwfl_module_relocate_address(mod, &rel) >= 0)
		f.rel = rel;
	uint64_t skey = share_key(up, mod, key);
	int n = skey ? symshare_get(c, skey, out, max) : 0;
	if (n == 0) {
		n = resolve_in_module(up, mod, key, f, out, max);
		if (skey)
			symshare_put(skey, out, (size_t)n);
	}
	/* What differs between processes that map the same file. */
	for (int i = 0; i < n; i++) {
		out[i].module = f.module;
		out[i].rel = f.rel;
	}
	return n;
}
