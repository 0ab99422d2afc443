/* An illegal instruction (ud2 on x86): SIGILL ILL_ILLOPN. */
__attribute__((noinline)) static void bad(void)
{
	__builtin_trap(); /* CRASH-LINE */
}

int main(void)
{
	bad();
	return 0;
}
