// Programs that allocate without end, shared by the tests of the memory budget in-process
// (runtime/memory.test.ts) and through the gosim command (cli/memory.test.ts).

/** Appends 1 MB byte slices forever, printing every hundredth count (real Go: out of memory). */
export const appendBomb = `package main

import "fmt"

func main() {
	var all [][]byte
	for i := 0; ; i++ {
		all = append(all, make([]byte, 1<<20))
		if i%100 == 0 {
			fmt.Println(i)
		}
	}
}
`;

/** The line of appendBomb where it allocates. */
export const appendBombLine = 8;

/** The beginning of Go's report when memory runs out; the goroutine tracebacks follow. */
export const outOfMemory = /^runtime: out of memory: cannot allocate (\d+)-byte block \((\d+) in use\)\nfatal error: out of memory\n\n/;
