// A C++ crash: the backtrace shows demangled names.
#include "crash_note.h"
#include <cstdio>

namespace shapes
{
template <typename T> struct Box {
	T *item;
	__attribute__((noinline)) void fill(T value)
	{
		*item = value; // CRASH-LINE
	}
};

__attribute__((noinline)) void pack(Box<int> &b, int v)
{
	b.fill(v);
	std::puts("not reached");
}
} // namespace shapes

int main()
{
	about_to_crash();
	shapes::Box<int> b{nullptr};
	shapes::pack(b, 3);
	return 0;
}
