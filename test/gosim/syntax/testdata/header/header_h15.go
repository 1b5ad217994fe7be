// comment
/* block */ package main

import @

func main() {}
