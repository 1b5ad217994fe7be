// The Go declarations of every library package gosim supports, in Go syntax, one string per
// import path. The checker parses them with gosim's own parser and checks them like user code,
// so they are the single authority for names, signatures and named types; lib/*.ts implement
// the bodies as natives.
//
// Conventions:
// - Signatures, parameter names and result names are real Go's (go1.26 `go doc`), so compile
//   errors that print them (`have (...)`/`want (...)`, `cannot use ... as io.Writer value`) read
//   exactly like Go's.
// - Every function and method is declared without a body: each one is a native, keyed
//   'pkg.Func' or 'pkg.Type.Method' as runtime/native.ts describes (pointer receivers too, e.g.
//   'sync.WaitGroup.Add'); pkg is the package name, the last element of the import path
//   ('rand.Intn', 'atomic.Int64.Add', 'utf8.RuneLen').
// - Library structs keep their state in unexported fields, so that the zero value works and
//   programs cannot touch it. Where a native needs state Go code must never see (wait queues of
//   a Mutex, the runtime timer of a Timer) it keeps it outside the value, keyed by the value's
//   identity; a struct variable keeps one identity for its whole life (values.ts).
// - Unexported named types (errors.errorString, context.cancelCtx, runtime.boundsError, ...)
//   exist so that natives can build values whose dynamic type prints as Go's does with %T.
// - Package-level vars (os.Stdout, io.EOF, context.Canceled, ...) are set by the natives of
//   their package when it is loaded; the key is 'pkg.Name'.
// - Generic functions (slices, maps, cmp, sync.OnceValue) use type parameters; the checker infers
//   type arguments from the call's arguments and records them in Info.instances.
// - Generic types (atomic.Pointer[T], iter.Seq[V]) are declared with their type parameters and
//   instantiated by types/instantiate.ts where a program uses them; methods on a generic
//   receiver are natives keyed by the type's name alone ('atomic.Pointer.Load').
// - Iterators: package iter declares the generic types Seq[V] and Seq2[K, V]; maps.Keys,
//   slices.Values, slices.Collect, ... use them as Go does, so a program sees iter.Seq[int] in
//   messages and the checker infers through them (slices.Sorted(maps.Keys(m))).

const builtinDecls = {
  io: `package io

type Writer interface {
	Write(p []byte) (n int, err error)
}

type Reader interface {
	Read(p []byte) (n int, err error)
}

type StringWriter interface {
	WriteString(s string) (n int, err error)
}

var EOF error

var ErrUnexpectedEOF error

var Discard Writer

func WriteString(w Writer, s string) (n int, err error)

type discard struct{}

func (discard) Write(p []byte) (int, error)
func (discard) WriteString(s string) (int, error)
`,

  errors: `package errors

func New(text string) error
func Is(err, target error) bool
func As(err error, target any) bool
func Join(errs ...error) error
func Unwrap(err error) error

var ErrUnsupported error

type errorString struct {
	s string
}

func (e *errorString) Error() string

type joinError struct {
	errs []error
}

func (e *joinError) Error() string
func (e *joinError) Unwrap() []error
`,

  fmt: `package fmt

import "io"

type Stringer interface {
	String() string
}

type GoStringer interface {
	GoString() string
}

func Print(a ...any) (n int, err error)
func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Sprintf(format string, a ...any) string
func Fprint(w io.Writer, a ...any) (n int, err error)
func Fprintln(w io.Writer, a ...any) (n int, err error)
func Fprintf(w io.Writer, format string, a ...any) (n int, err error)
func Errorf(format string, a ...any) error
func Append(b []byte, a ...any) []byte
func Appendf(b []byte, format string, a ...any) []byte
func Appendln(b []byte, a ...any) []byte

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string
func (e *wrapError) Unwrap() error

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string
func (e *wrapErrors) Unwrap() []error
`,

  os: `package os

type File struct {
	fd   int
	name string
}

func (f *File) Write(b []byte) (n int, err error)
func (f *File) WriteString(s string) (n int, err error)
func (f *File) Name() string

var Stdout *File
var Stderr *File
var Args []string

func Exit(code int)
func Getenv(key string) string
`,

  sync: `package sync

type Locker interface {
	Lock()
	Unlock()
}

// Field names follow go1.26's own, so that misuse reads the same ("cannot refer to unexported
// field state") and fmt prints the same zero value ({{} {{} {} 0} 0}).
type noCopy struct{}

type align64 struct{}

type atomicUint64 struct {
	_ noCopy
	_ align64
	v uint64
}

type WaitGroup struct {
	noCopy noCopy
	state  atomicUint64
	sema   uint32
}

func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()
func (wg *WaitGroup) Go(f func())

type Mutex struct {
	_  noCopy
	mu isyncMutex
}

type isyncMutex struct {
	state int32
	sema  uint32
}

func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool

type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
func (rw *RWMutex) TryLock() bool
func (rw *RWMutex) TryRLock() bool
func (rw *RWMutex) RLocker() Locker

type rlocker RWMutex

func (r *rlocker) Lock()
func (r *rlocker) Unlock()

type Once struct {
	done uint32
	m    Mutex
}

func (o *Once) Do(f func())

func OnceFunc(f func()) func()
func OnceValue[T any](f func() T) func() T
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2)

type Cond struct {
	L       Locker
	waiters int32
}

func NewCond(l Locker) *Cond
func (c *Cond) Wait()
func (c *Cond) Signal()
func (c *Cond) Broadcast()

type Map struct {
	mu Mutex
	m  map[any]any
}

func (m *Map) Load(key any) (value any, ok bool)
func (m *Map) Store(key, value any)
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool)
func (m *Map) LoadAndDelete(key any) (value any, loaded bool)
func (m *Map) Delete(key any)
func (m *Map) Swap(key, value any) (previous any, loaded bool)
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool)
func (m *Map) CompareAndDelete(key, old any) (deleted bool)
func (m *Map) Range(f func(key, value any) bool)
func (m *Map) Clear()

type Pool struct {
	items []any
	New   func() any
}

func (p *Pool) Get() any
func (p *Pool) Put(x any)
`,

  'sync/atomic': `package atomic

func AddInt32(addr *int32, delta int32) (new int32)
func AddInt64(addr *int64, delta int64) (new int64)
func AddUint32(addr *uint32, delta uint32) (new uint32)
func AddUint64(addr *uint64, delta uint64) (new uint64)
func LoadInt32(addr *int32) (val int32)
func LoadInt64(addr *int64) (val int64)
func LoadUint32(addr *uint32) (val uint32)
func LoadUint64(addr *uint64) (val uint64)
func StoreInt32(addr *int32, val int32)
func StoreInt64(addr *int64, val int64)
func StoreUint32(addr *uint32, val uint32)
func StoreUint64(addr *uint64, val uint64)
func SwapInt32(addr *int32, new int32) (old int32)
func SwapInt64(addr *int64, new int64) (old int64)
func SwapUint32(addr *uint32, new uint32) (old uint32)
func SwapUint64(addr *uint64, new uint64) (old uint64)
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)

type noCopy struct{}

type Int32 struct {
	_ noCopy
	v int32
}

func (x *Int32) Load() int32
func (x *Int32) Store(val int32)
func (x *Int32) Swap(new int32) (old int32)
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool)
func (x *Int32) Add(delta int32) (new int32)
func (x *Int32) And(mask int32) (old int32)
func (x *Int32) Or(mask int32) (old int32)

type Int64 struct {
	_ noCopy
	v int64
}

func (x *Int64) Load() int64
func (x *Int64) Store(val int64)
func (x *Int64) Swap(new int64) (old int64)
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool)
func (x *Int64) Add(delta int64) (new int64)
func (x *Int64) And(mask int64) (old int64)
func (x *Int64) Or(mask int64) (old int64)

type Uint32 struct {
	_ noCopy
	v uint32
}

func (x *Uint32) Load() uint32
func (x *Uint32) Store(val uint32)
func (x *Uint32) Swap(new uint32) (old uint32)
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool)
func (x *Uint32) Add(delta uint32) (new uint32)
func (x *Uint32) And(mask uint32) (old uint32)
func (x *Uint32) Or(mask uint32) (old uint32)

type Uint64 struct {
	_ noCopy
	v uint64
}

func (x *Uint64) Load() uint64
func (x *Uint64) Store(val uint64)
func (x *Uint64) Swap(new uint64) (old uint64)
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool)
func (x *Uint64) Add(delta uint64) (new uint64)
func (x *Uint64) And(mask uint64) (old uint64)
func (x *Uint64) Or(mask uint64) (old uint64)

type Bool struct {
	_ noCopy
	v uint32
}

func (x *Bool) Load() bool
func (x *Bool) Store(val bool)
func (x *Bool) Swap(new bool) (old bool)
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool)

type Value struct {
	v any
}

func (v *Value) Load() (val any)
func (v *Value) Store(val any)
func (v *Value) Swap(new any) (old any)
func (v *Value) CompareAndSwap(old, new any) (swapped bool)

type Pointer[T any] struct {
	_ noCopy
	v *T
}

func (x *Pointer[T]) Load() *T
func (x *Pointer[T]) Store(val *T)
func (x *Pointer[T]) Swap(new *T) (old *T)
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool)
`,

  time: `package time

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

func (d Duration) String() string
func (d Duration) Nanoseconds() int64
func (d Duration) Microseconds() int64
func (d Duration) Milliseconds() int64
func (d Duration) Seconds() float64
func (d Duration) Minutes() float64
func (d Duration) Hours() float64
func (d Duration) Truncate(m Duration) Duration
func (d Duration) Round(m Duration) Duration
func (d Duration) Abs() Duration

func ParseDuration(s string) (Duration, error)

type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

func (m Month) String() string

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

func (d Weekday) String() string

const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
)

type Location struct {
	name string
}

func (l *Location) String() string

var UTC *Location
var Local *Location

// Time keeps the virtual clock's reading: nanoseconds since the Unix epoch (wall) and since
// the program started (mono, 0 for times without a monotonic reading, as in Go).
type Time struct {
	wall int64
	mono int64
	loc  *Location
}

func Now() Time
func Unix(sec int64, nsec int64) Time
func UnixMilli(msec int64) Time
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time
func Since(t Time) Duration
func Until(t Time) Duration

func (t Time) Sub(u Time) Duration
func (t Time) Add(d Duration) Time
func (t Time) AddDate(years int, months int, days int) Time
func (t Time) Before(u Time) bool
func (t Time) After(u Time) bool
func (t Time) Equal(u Time) bool
func (t Time) Compare(u Time) int
func (t Time) IsZero() bool
func (t Time) Unix() int64
func (t Time) UnixMilli() int64
func (t Time) UnixMicro() int64
func (t Time) UnixNano() int64
func (t Time) Format(layout string) string
func (t Time) String() string
func (t Time) Year() int
func (t Time) Month() Month
func (t Time) Day() int
func (t Time) Weekday() Weekday
func (t Time) Hour() int
func (t Time) Minute() int
func (t Time) Second() int
func (t Time) Nanosecond() int
func (t Time) YearDay() int
func (t Time) UTC() Time
func (t Time) Local() Time
func (t Time) Truncate(d Duration) Time
func (t Time) Round(d Duration) Time

func Sleep(d Duration)
func After(d Duration) <-chan Time
func Tick(d Duration) <-chan Time

type Timer struct {
	C  <-chan Time
	id int
}

func NewTimer(d Duration) *Timer
func AfterFunc(d Duration, f func()) *Timer
func (t *Timer) Stop() bool
func (t *Timer) Reset(d Duration) bool

type Ticker struct {
	C  <-chan Time
	id int
}

func NewTicker(d Duration) *Ticker
func (t *Ticker) Stop()
func (t *Ticker) Reset(d Duration)
`,

  context: `package context

import "time"

type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

type CancelFunc func()
type CancelCauseFunc func(cause error)

var Canceled error
var DeadlineExceeded error

func Background() Context
func TODO() Context
func WithCancel(parent Context) (ctx Context, cancel CancelFunc)
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc)
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc)
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc)
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc)
func WithValue(parent Context, key, val any) Context
func WithoutCancel(parent Context) Context
func Cause(c Context) error
func AfterFunc(ctx Context, f func()) (stop func() bool)

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string
func (deadlineExceededError) Timeout() bool
func (deadlineExceededError) Temporary() bool

type emptyCtx struct{}

func (emptyCtx) Deadline() (deadline time.Time, ok bool)
func (emptyCtx) Done() <-chan struct{}
func (emptyCtx) Err() error
func (emptyCtx) Value(key any) any

type backgroundCtx struct{ emptyCtx }

func (backgroundCtx) String() string

type todoCtx struct{ emptyCtx }

func (todoCtx) String() string

type cancelCtx struct {
	Context
	id int
}

func (c *cancelCtx) Done() <-chan struct{}
func (c *cancelCtx) Err() error
func (c *cancelCtx) Value(key any) any
func (c *cancelCtx) String() string

type timerCtx struct {
	cancelCtx
	deadline time.Time
}

func (c *timerCtx) Deadline() (deadline time.Time, ok bool)
func (c *timerCtx) String() string

type valueCtx struct {
	Context
	key, val any
}

func (c *valueCtx) Value(key any) any
func (c *valueCtx) String() string

type withoutCancelCtx struct {
	c Context
}

func (withoutCancelCtx) Deadline() (deadline time.Time, ok bool)
func (withoutCancelCtx) Done() <-chan struct{}
func (withoutCancelCtx) Err() error
func (c withoutCancelCtx) Value(key any) any
func (c withoutCancelCtx) String() string
`,

  runtime: `package runtime

const GOOS = "linux"
const GOARCH = "amd64"
const Compiler = "gc"

func NumGoroutine() int
func Gosched()
func GOMAXPROCS(n int) int
func NumCPU() int
func Goexit()
func GC()
func Version() string
func KeepAlive(x any)

type Error interface {
	error
	RuntimeError()
}

type errorString string

func (e errorString) Error() string
func (e errorString) RuntimeError()

type plainError string

func (e plainError) Error() string
func (e plainError) RuntimeError()

type boundsError struct {
	msg string
}

func (e boundsError) Error() string
func (e boundsError) RuntimeError()

type TypeAssertionError struct {
	msg string
}

func (e *TypeAssertionError) Error() string
func (*TypeAssertionError) RuntimeError()
`,

  strings: `package strings

import (
	"io"
	"iter"
)

type Builder struct {
	buf []byte
}

func (b *Builder) String() string
func (b *Builder) Len() int
func (b *Builder) Cap() int
func (b *Builder) Reset()
func (b *Builder) Grow(n int)
func (b *Builder) Write(p []byte) (int, error)
func (b *Builder) WriteByte(c byte) error
func (b *Builder) WriteRune(r rune) (int, error)
func (b *Builder) WriteString(s string) (int, error)

func Contains(s, substr string) bool
func ContainsAny(s, chars string) bool
func ContainsRune(s string, r rune) bool
func ContainsFunc(s string, f func(rune) bool) bool
func HasPrefix(s, prefix string) bool
func HasSuffix(s, suffix string) bool
func Index(s, substr string) int
func IndexByte(s string, c byte) int
func IndexRune(s string, r rune) int
func IndexAny(s, chars string) int
func IndexFunc(s string, f func(rune) bool) int
func LastIndex(s, substr string) int
func LastIndexAny(s, chars string) int
func LastIndexByte(s string, c byte) int
func SplitAfterN(s, sep string, n int) []string
func Title(s string) string
func Split(s, sep string) []string
func SplitN(s, sep string, n int) []string
func SplitAfter(s, sep string) []string
func Join(elems []string, sep string) string
func Fields(s string) []string
func FieldsFunc(s string, f func(rune) bool) []string
func Repeat(s string, count int) string
func Replace(s, old, new string, n int) string
func ReplaceAll(s, old, new string) string
func ToUpper(s string) string
func ToLower(s string) string
func ToTitle(s string) string
func TrimSpace(s string) string
func Trim(s, cutset string) string
func TrimLeft(s, cutset string) string
func TrimRight(s, cutset string) string
func TrimFunc(s string, f func(rune) bool) string
func TrimPrefix(s, prefix string) string
func TrimSuffix(s, suffix string) string
func Cut(s, sep string) (before, after string, found bool)
func CutPrefix(s, prefix string) (after string, found bool)
func CutSuffix(s, suffix string) (before string, found bool)
func Count(s, substr string) int
func EqualFold(s, t string) bool
func Compare(a, b string) int
func Map(mapping func(rune) rune, s string) string
func Lines(s string) iter.Seq[string]
func SplitSeq(s, sep string) iter.Seq[string]
func SplitAfterSeq(s, sep string) iter.Seq[string]
func FieldsSeq(s string) iter.Seq[string]

type Replacer struct {
	oldnew []string
}

func NewReplacer(oldnew ...string) *Replacer
func (r *Replacer) Replace(s string) string
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error)
`,

  bytes: `package bytes

type Buffer struct {
	buf []byte
	off int
}

func (b *Buffer) String() string
func (b *Buffer) Len() int
func (b *Buffer) Bytes() []byte
func (b *Buffer) Reset()
func (b *Buffer) Write(p []byte) (n int, err error)
func (b *Buffer) WriteByte(c byte) error
func (b *Buffer) WriteRune(r rune) (n int, err error)
func (b *Buffer) WriteString(s string) (n int, err error)

func NewBufferString(s string) *Buffer
func Equal(a, b []byte) bool
func Compare(a, b []byte) int
func Contains(b, subslice []byte) bool
func Index(s, sep []byte) int
func HasPrefix(s, prefix []byte) bool
func HasSuffix(s, suffix []byte) bool
func ToUpper(s []byte) []byte
func ToLower(s []byte) []byte
func TrimSpace(s []byte) []byte
func NewBuffer(buf []byte) *Buffer
func Split(s, sep []byte) [][]byte
func SplitN(s, sep []byte, n int) [][]byte
func SplitAfter(s, sep []byte) [][]byte
func Fields(s []byte) [][]byte
func Join(s [][]byte, sep []byte) []byte
func Repeat(b []byte, count int) []byte
func Count(s, sep []byte) int
func IndexByte(b []byte, c byte) int
func LastIndex(s, sep []byte) int
func ContainsRune(b []byte, r rune) bool
func ContainsAny(b []byte, chars string) bool
func Cut(s, sep []byte) (before, after []byte, found bool)
func ReplaceAll(s, old, new []byte) []byte
func EqualFold(s, t []byte) bool
func Trim(s []byte, cutset string) []byte
func TrimPrefix(s, prefix []byte) []byte
func TrimSuffix(s, suffix []byte) []byte
`,

  strconv: `package strconv

const IntSize = 64

var ErrRange error
var ErrSyntax error

type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string
func (e *NumError) Unwrap() error

func Itoa(i int) string
func Atoi(s string) (int, error)
func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func FormatBool(b bool) string
func ParseInt(s string, base int, bitSize int) (i int64, err error)
func ParseUint(s string, base int, bitSize int) (uint64, error)
func ParseFloat(s string, bitSize int) (float64, error)
func ParseBool(str string) (bool, error)
func Quote(s string) string
func QuoteRune(r rune) string
func Unquote(s string) (string, error)
func AppendInt(dst []byte, i int64, base int) []byte
func AppendQuote(dst []byte, s string) []byte
func AppendQuoteRune(dst []byte, r rune) []byte
func AppendBool(dst []byte, b bool) []byte
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte
func QuoteToASCII(s string) string
func QuoteToGraphic(s string) string
func QuoteRuneToASCII(r rune) string
func CanBackquote(s string) bool
func IsPrint(r rune) bool
func IsGraphic(r rune) bool
`,

  sort: `package sort

type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

func Sort(data Interface)
func Stable(data Interface)
func IsSorted(data Interface) bool
func Reverse(data Interface) Interface

type reverse struct {
	Interface
}

func (r reverse) Less(i, j int) bool

func Ints(x []int)
func Strings(x []string)
func Float64s(x []float64)
func IntsAreSorted(x []int) bool
func StringsAreSorted(x []string) bool
func Float64sAreSorted(x []float64) bool
func Slice(x any, less func(i, j int) bool)
func SliceStable(x any, less func(i, j int) bool)
func SliceIsSorted(x any, less func(i, j int) bool) bool
func Search(n int, f func(int) bool) int
func SearchInts(a []int, x int) int
func SearchStrings(a []string, x string) int
func SearchFloat64s(a []float64, x float64) int

type IntSlice []int

func (x IntSlice) Len() int
func (x IntSlice) Less(i, j int) bool
func (x IntSlice) Swap(i, j int)
func (x IntSlice) Sort()

type StringSlice []string

func (x StringSlice) Len() int
func (x StringSlice) Less(i, j int) bool
func (x StringSlice) Swap(i, j int)
func (x StringSlice) Sort()

type Float64Slice []float64

func (x Float64Slice) Len() int
func (x Float64Slice) Less(i, j int) bool
func (x Float64Slice) Swap(i, j int)
func (x Float64Slice) Sort()
`,

  iter: `package iter

type Seq[V any] func(yield func(V) bool)

type Seq2[K, V any] func(yield func(K, V) bool)
`,

  cmp: `package cmp

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

func Compare[T Ordered](x, y T) int
func Less[T Ordered](x, y T) bool
func Or[T comparable](vals ...T) T
`,

  slices: `package slices

import (
	"cmp"
	"iter"
)

func Sort[S ~[]E, E cmp.Ordered](x S)
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int)
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int)
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool)
func Contains[S ~[]E, E comparable](s S, v E) bool
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool
func Index[S ~[]E, E comparable](s S, v E) int
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int
func Equal[S ~[]E, E comparable](s1, s2 S) bool
func Max[S ~[]E, E cmp.Ordered](x S) E
func Min[S ~[]E, E cmp.Ordered](x S) E
func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E
func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E
func Reverse[S ~[]E, E any](s S)
func Clone[S ~[]E, E any](s S) S
func Compact[S ~[]E, E comparable](s S) S
func Insert[S ~[]E, E any](s S, i int, v ...E) S
func Delete[S ~[]E, E any](s S, i, j int) S
func Concat[S ~[]E, E any](slices ...S) S
func Repeat[S ~[]E, E any](x S, count int) S
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S
func Clip[S ~[]E, E any](s S) S
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool)
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E]
func Values[Slice ~[]E, E any](s Slice) iter.Seq[E]
func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E]
func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice
func Collect[E any](seq iter.Seq[E]) []E
func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E
func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E
func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E
`,

  maps: `package maps

import "iter"

func Clone[M ~map[K]V, K comparable, V any](m M) M
func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2)
func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool)
func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool
func Keys[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[K]
func Values[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[V]
func All[Map ~map[K]V, K comparable, V any](m Map) iter.Seq2[K, V]
`,

  math: `package math

const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862

	Sqrt2   = 1.41421356237309504880168872420969807856967187537694807317667974
	SqrtE   = 1.64872127070012814684865078831848970127818917780520013888396208
	SqrtPi  = 1.77245385090551602729816748334114518279754945612238712821380779
	SqrtPhi = 1.27201964951406896425242246173749149171560804184009624861664038

	Ln2    = 0.693147180559945309417232121458176568075500134360255254120680009
	Log2E  = 1 / Ln2
	Ln10   = 2.30258509299404568401799145468436420760110148862877297603332790
	Log10E = 1 / Ln10
)

const (
	MaxFloat32             = 3.40282346638528859811704183484516925440e+38
	SmallestNonzeroFloat32 = 1.401298464324817070923729583289916131280e-45
	MaxFloat64             = 1.79769313486231570814527423731704356798070e+308
	SmallestNonzeroFloat64 = 4.9406564584124654417656879286822137236505980e-324
)

const (
	intSize = 64

	MaxInt    = 1<<(intSize-1) - 1
	MinInt    = -1 << (intSize - 1)
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<intSize - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)

func Inf(sign int) float64
func NaN() float64
func IsNaN(f float64) (is bool)
func IsInf(f float64, sign int) bool
func Signbit(x float64) bool
func Sqrt(x float64) float64
func Cbrt(x float64) float64
func Pow(x, y float64) float64
func Abs(x float64) float64
func Floor(x float64) float64
func Ceil(x float64) float64
func Round(x float64) float64
func Trunc(x float64) float64
func Max(x, y float64) float64
func Min(x, y float64) float64
func Mod(x, y float64) float64
func Hypot(p, q float64) float64
func Log(x float64) float64
func Log2(x float64) float64
func Log10(x float64) float64
func Exp(x float64) float64
func Sin(x float64) float64
func Cos(x float64) float64
func Tan(x float64) float64
func Atan(x float64) float64
func Atan2(y, x float64) float64
func Asin(x float64) float64
func Acos(x float64) float64
func Sinh(x float64) float64
func Cosh(x float64) float64
func Tanh(x float64) float64
func Exp2(x float64) float64
func Log1p(x float64) float64
func Expm1(x float64) float64
func Dim(x, y float64) float64
func Copysign(f, sign float64) float64
func Modf(f float64) (int float64, frac float64)
func Frexp(f float64) (frac float64, exp int)
func Ldexp(frac float64, exp int) float64
func Float64bits(f float64) uint64
func Float64frombits(b uint64) float64
func Float32bits(f float32) uint32
func Float32frombits(b uint32) float32
`,

  'math/rand': `package rand

type Source interface {
	Int63() int64
	Seed(seed int64)
}

type rngSource struct {
	seed int64
	pos  int
}

func (rng *rngSource) Int63() int64
func (rng *rngSource) Seed(seed int64)
func (rng *rngSource) Uint64() uint64

func NewSource(seed int64) Source

type Rand struct {
	src Source
}

func New(src Source) *Rand
func (r *Rand) Int() int
func (r *Rand) Intn(n int) int
func (r *Rand) Int31() int32
func (r *Rand) Int31n(n int32) int32
func (r *Rand) Int63() int64
func (r *Rand) Int63n(n int64) int64
func (r *Rand) Float64() float64
func (r *Rand) Perm(n int) []int
func (r *Rand) Shuffle(n int, swap func(i, j int))
func (r *Rand) Seed(seed int64)

func Seed(seed int64)
func Int() int
func Intn(n int) int
func Int31() int32
func Int31n(n int32) int32
func Int63() int64
func Int63n(n int64) int64
func Float64() float64
func Perm(n int) []int
func Shuffle(n int, swap func(i, j int))
`,

  'unicode/utf8': `package utf8

const (
	RuneError = '\\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\\U0010FFFF'
	UTFMax    = 4
)

func RuneCountInString(s string) (n int)
func RuneCount(p []byte) int
func RuneLen(r rune) int
func DecodeRuneInString(s string) (r rune, size int)
func DecodeLastRuneInString(s string) (r rune, size int)
func DecodeRune(p []byte) (r rune, size int)
func EncodeRune(p []byte, r rune) int
func AppendRune(p []byte, r rune) []byte
func ValidString(s string) bool
func Valid(p []byte) bool
func ValidRune(r rune) bool
`,

  unicode: `package unicode

const (
	MaxRune         = '\\U0010FFFF'
	ReplacementChar = '\\uFFFD'
	MaxASCII        = '\\u007F'
	MaxLatin1       = '\\u00FF'
)

func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsLetter(r rune) bool
func IsSpace(r rune) bool
func IsPunct(r rune) bool
func IsPrint(r rune) bool
func IsControl(r rune) bool
func IsTitle(r rune) bool
func IsGraphic(r rune) bool
func IsMark(r rune) bool
func IsSymbol(r rune) bool
func ToUpper(r rune) rune
func ToLower(r rune) rune
func ToTitle(r rune) rune
`,
} as const;

/** Import path -> Go source of the package's declarations. */
export const libraryDecls: Readonly<Record<string, string>> = builtinDecls;

/** The import paths a program may use. */
export const libraryPaths: readonly string[] = Object.keys(builtinDecls);

/** The file name the checker gives a package's declarations in messages, e.g. `$GOROOT/src/fmt/decls.go`. */
export function declsFilename(path: string): string {
  return `$GOROOT/src/${path}/decls.go`;
}
