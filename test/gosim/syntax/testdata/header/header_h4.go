package main
import fmt "fmt" x

func main() { fmt.Println() }
