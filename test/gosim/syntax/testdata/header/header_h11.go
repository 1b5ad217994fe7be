package main

import a b

func main() {}
