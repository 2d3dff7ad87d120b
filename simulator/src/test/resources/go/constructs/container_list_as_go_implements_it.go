package main

import (
	"container/list"
	"fmt"
	"sync"
)

type entry struct {
	key   string
	value int
}

func dump(l *list.List) {
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Print("| back to front: ")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println("| len", l.Len())
}

func main() {
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	dump(l)
	l.MoveToFront(e4)
	l.MoveToBack(e1)
	dump(l)
	fmt.Println("removed", l.Remove(e4), "again", l.Remove(e4))
	dump(l)

	var zero list.List // usable without New
	zero.PushBack("a")
	zero.PushFront("b")
	dump(&zero)

	// an LRU as the tests of caches write it: a list under a mutex, entries as *entry values
	var mu sync.Mutex
	order := list.New()
	index := map[string]*list.Element{}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			index[fmt.Sprint("k", i)] = order.PushFront(&entry{fmt.Sprint("k", i), i})
		}(i)
	}
	wg.Wait()
	order.MoveToFront(index["k1"])
	oldest := order.Back()
	if oldest.Value.(*entry).key == "k1" {
		oldest = oldest.Prev()
	}
	fmt.Println(order.Len(), order.Front().Value.(*entry).key, order.Remove(order.Front()).(*entry).value)
}
